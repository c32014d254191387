import { accessToken, refresh } from './session';

/** A typed GraphQL operation as the code generator writes it (a string with its types). */
export interface TypedOperation<Result, Variables> {
  toString(): string;
  /** Type carriers only: never set at run time. */
  __apiType?: (variables: Variables) => Result;
}

/** What the API said went wrong, by its code; the page turns it into a sentence. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS'
  | 'NETWORK'
  | 'UNKNOWN';

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'TOO_MANY_REQUESTS',
]);

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    /** The API's own sentence (English), shown as a detail under the translated one. */
    readonly detail: string | undefined,
    /** For a rejected input: which field, when the API says. */
    readonly field?: string,
  ) {
    super(detail ?? code);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

async function post(body: string, token: string | undefined): Promise<Response> {
  return fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
}

function errorOf(code: string | undefined, message?: string, field?: string): ApiError {
  return new ApiError(
    code && KNOWN_CODES.has(code) ? (code as ApiErrorCode) : 'UNKNOWN',
    message,
    field,
  );
}

/**
 * Runs an operation against the public GraphQL API as the signed-in person (anonymously when
 * signed out). A token the API no longer accepts is refreshed once. Errors come back as ApiError.
 */
export async function request<Result, Variables>(
  operation: TypedOperation<Result, Variables>,
  variables?: Variables,
): Promise<Result> {
  const body = JSON.stringify({ query: operation.toString(), variables: variables ?? {} });
  let response: Response;
  try {
    response = await post(body, await accessToken());
    if (response.status === 401) response = await post(body, (await refresh())?.accessToken);
  } catch {
    throw new ApiError('NETWORK', undefined);
  }
  if (response.status === 429) throw new ApiError('TOO_MANY_REQUESTS', undefined);
  let parsed: GraphQLResponse<Result>;
  try {
    parsed = (await response.json()) as GraphQLResponse<Result>;
  } catch {
    throw errorOf(response.status === 503 ? 'SERVICE_UNAVAILABLE' : undefined);
  }
  const first = parsed.errors?.[0];
  if (first) throw errorOf(first.extensions?.code, first.message, first.extensions?.field);
  if (!parsed.data) throw errorOf(undefined);
  return parsed.data;
}

/** Calls one of the gateway's HTTP routes (`/v1/...`) as the signed-in person. */
export async function http(path: string, init: RequestInit = {}): Promise<Response> {
  const send = async (token: string | undefined) =>
    fetch(path, {
      ...init,
      headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  let response: Response;
  try {
    response = await send(await accessToken());
    if (response.status === 401) response = await send((await refresh())?.accessToken);
  } catch {
    throw new ApiError('NETWORK', undefined);
  }
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  let message: string | undefined = text || undefined;
  try {
    const body = JSON.parse(text) as { message?: string; error?: string };
    message = body.message ?? body.error ?? message;
  } catch {
    // A plain-text answer is the message itself.
  }
  const code: Record<number, ApiErrorCode> = {
    400: 'BAD_USER_INPUT',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    422: 'BAD_USER_INPUT',
    429: 'TOO_MANY_REQUESTS',
    503: 'SERVICE_UNAVAILABLE',
  };
  throw new ApiError(code[response.status] ?? 'UNKNOWN', message);
}
