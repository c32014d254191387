import './dom-globals';
import { jest } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Providers } from '../app/App';
import type { Language } from '../i18n/i18n';

export interface ApiCall {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The GraphQL API as a page sees it, for component tests only: every request is answered with
 * the JSON `answer` gives for it. Returns the requests made, in order.
 */
export function stubApi(answer: (call: ApiCall) => unknown): ApiCall[] {
  const calls: ApiCall[] = [];
  globalThis.fetch = jest.fn((_url: unknown, init?: RequestInit) => {
    const call = JSON.parse(init?.body as string) as ApiCall;
    calls.push(call);
    const json = answer(call);
    return Promise.resolve({
      status: 200,
      ok: true,
      json: () => Promise.resolve(json),
    } as Response);
  });
  return calls;
}

function Address() {
  const location = useLocation();
  return <output aria-label="address">{`${location.pathname}${location.search}`}</output>;
}

/**
 * Renders `routes` (path → page) at `path` in `language`, with a fresh query cache; the current
 * address is readable as the output named "address".
 */
export function renderRoutes(
  routes: Record<string, ReactElement>,
  path: string,
  language: Language = 'en',
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <Providers language={language} client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          {Object.entries(routes).map(([route, element]) => (
            <Route key={route} path={route} element={element} />
          ))}
        </Routes>
        <Address />
      </MemoryRouter>
    </Providers>,
  );
}
