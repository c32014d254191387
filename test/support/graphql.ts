import type { GraphQLResult } from '#libs/testing';

/**
 * POSTs a GraphQL operation to `${baseUrl}/graphql`, with a bearer token when given, else with
 * `anonymousHeaders` (a subgraph answers anonymous requests from the gateway only).
 */
export async function graphqlAt<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  anonymousHeaders: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : anonymousHeaders),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}
