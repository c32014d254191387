/**
 * Component tests' support: the public GraphQL API stubbed by operation name (component tests
 * only; browser tests use a real system) and a page rendered inside the app's providers.
 * Import it first: it gives jsdom the TextEncoder the router needs.
 */
import './testing-globals';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../app/App';
import type { Language } from '../i18n/i18n';

export interface SentOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = (variables: Record<string, unknown>) => unknown;

/** A minimal fetch Response (jsdom has none). */
function answer(status: number, body: string, contentType: string) {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Map([['content-type', contentType]]),
    json: () => Promise.resolve(JSON.parse(body) as unknown),
    text: () => Promise.resolve(body),
    blob: () => Promise.resolve(new Blob([body], { type: contentType })),
  };
}

/**
 * Replaces fetch: `/graphql` answers each operation by its name (an unknown one is NOT_FOUND; an
 * answer that throws becomes that GraphQL error code); other paths answer from `files`.
 * Every GraphQL request and every path fetched is recorded.
 */
export function stubApi(
  answers: Record<string, Answer>,
  files: Record<string, { status?: number; body: string; type?: string }> = {},
): {
  sent: SentOperation[];
  paths: { path: string; headers: Record<string, string> }[];
  restore: () => void;
} {
  const previous = globalThis.fetch;
  const sent: SentOperation[] = [];
  const paths: { path: string; headers: Record<string, string> }[] = [];
  globalThis.fetch = ((url: unknown, init?: RequestInit) => {
    const path = String(url);
    paths.push({ path, headers: { ...((init?.headers as Record<string, string>) ?? {}) } });
    if (path === '/graphql') {
      const body = JSON.parse(init?.body as string) as {
        query: string;
        variables: Record<string, unknown>;
      };
      const operationName = /(?:query|mutation) (\w+)/.exec(body.query)?.[1] ?? '';
      sent.push({ operationName, variables: body.variables });
      const respond = answers[operationName];
      let payload: unknown;
      try {
        payload = respond
          ? { data: respond(body.variables) }
          : { errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] };
      } catch (error) {
        payload = {
          errors: [
            { message: (error as Error).message, extensions: { code: (error as Error).name } },
          ],
        };
      }
      return Promise.resolve(answer(200, JSON.stringify(payload), 'application/json'));
    }
    const file = files[path];
    return Promise.resolve(
      file
        ? answer(file.status ?? 200, file.body, file.type ?? 'text/plain')
        : answer(404, JSON.stringify({ message: 'not found' }), 'application/json'),
    );
  }) as unknown as typeof fetch;
  return { sent, paths, restore: () => (globalThis.fetch = previous) };
}

/** A page inside the app's providers at an address, in a language, with a cache that never retries. */
export function inApp(page: ReactNode, language: Language = 'en', path = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <Providers language={language} client={client}>
      <MemoryRouter initialEntries={[path]}>{page}</MemoryRouter>
    </Providers>
  );
}
