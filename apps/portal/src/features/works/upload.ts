import { ApiError, type ApiErrorCode } from '../../lib/api';
import { accessToken, refresh } from '../../lib/session';

export interface ImportAnswer {
  imported: number;
  errors: { line: number; field: string; reason: string }[];
}

/** The columns the registry's import reads (ADR 0020), with two lines for the signed-in holder. */
export function exampleCsv(party: string): string {
  return [
    'title,category,creators,alternative_titles,iswc,isrc,isan,isbn,proprietary,shares',
    `夜明けの歌,MUSIC,山田花子|佐藤一郎,Song of Dawn,T-034.524.680-1,,,,,${party}:PERFORMANCE:10000|${party}:REPRODUCTION:5000`,
    `"My Book, Volume 1",BOOK,Hanako Yamada,,,,,978-0-306-40615-7,,${party}:REPRODUCTION:10000`,
    '',
  ].join('\r\n');
}

const CODES: Record<number, ApiErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function send(
  file: Blob,
  query: string,
  token: string | undefined,
  onProgress: (sent: number, total: number) => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // XMLHttpRequest, not fetch: only it reports how much of the upload has gone.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/works/import${query}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => reject(new ApiError('NETWORK', undefined));
    xhr.send(file);
  });
}

/**
 * Sends a works CSV to `POST /v1/works/import` as the signed-in person, reporting the bytes sent;
 * answers what the registry imported or every line it refused.
 */
export async function uploadWorks(
  file: Blob,
  options: { confirmDuplicates: boolean },
  onProgress: (sent: number, total: number) => void,
): Promise<ImportAnswer> {
  const query = options.confirmDuplicates ? '?confirmDuplicates=true' : '';
  let answer = await send(file, query, await accessToken(), onProgress);
  if (answer.status === 401)
    answer = await send(file, query, (await refresh())?.accessToken, onProgress);
  let body: { message?: string } & Partial<ImportAnswer> = {};
  try {
    body = JSON.parse(answer.body) as typeof body;
  } catch {
    // Not JSON: the status says enough.
  }
  if (answer.status >= 200 && answer.status < 300 && Array.isArray(body.errors))
    return { imported: body.imported ?? 0, errors: body.errors };
  throw new ApiError(CODES[answer.status] ?? 'UNKNOWN', body.message);
}
