import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

const PARTY = '0190a1b2-0000-7000-8000-000000000001';

// The signed-in person: a right holder (the session's sign-in is the identity app's, tested there).
jest.unstable_mockModule('../../lib/session', () => ({
  useSession: () => ({
    session: {
      accessToken: 'token',
      expiresAt: 0,
      account: 'a',
      role: 'RIGHT_HOLDER',
      party: PARTY,
    },
    known: true,
  }),
  accessToken: () => Promise.resolve('token'),
  refresh: () => Promise.resolve(undefined),
  renewSession: () => Promise.resolve(undefined),
}));

// jsdom lacks the encoders the router uses; Node's are the same API.
Object.assign(globalThis, { TextEncoder, TextDecoder });

let MemoryRouter: typeof import('react-router').MemoryRouter;
let LanguageProvider: typeof import('../../i18n/i18n').LanguageProvider;
let RegisterWorkPage: typeof import('./RegisterWorkPage').RegisterWorkPage;
let ImportWorksPage: typeof import('./ImportWorksPage').ImportWorksPage;

beforeAll(async () => {
  ({ MemoryRouter } = await import('react-router'));
  ({ LanguageProvider } = await import('../../i18n/i18n'));
  ({ RegisterWorkPage } = await import('./RegisterWorkPage'));
  ({ ImportWorksPage } = await import('./ImportWorksPage'));
});

type Answer = { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
const sent: { query: string; variables: Record<string, unknown> }[] = [];

/** The GraphQL API answering each request in turn. */
function api(...answers: Answer[]) {
  globalThis.fetch = ((_url: string, init: { body: string }) => {
    sent.push(JSON.parse(init.body) as (typeof sent)[number]);
    const answer = answers.shift() ?? { data: null };
    return Promise.resolve({
      status: 200,
      ok: true,
      json: () => Promise.resolve(answer),
      text: () => Promise.resolve(JSON.stringify(answer)),
    });
  }) as unknown as typeof fetch;
}

/** Clicks, then lets the answers of the stubbed API arrive. */
const press = (element: HTMLElement) =>
  act(async () => {
    element.click();
    await Promise.resolve();
  });

function show(page: React.ReactNode, language: 'en' | 'ja' = 'en') {
  return render(
    <LanguageProvider language={language}>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>{page}</MemoryRouter>
      </QueryClientProvider>
    </LanguageProvider>,
  );
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

afterEach(() => {
  sent.length = 0;
});

describe('registering a work', () => {
  it('should say a right adds up to more than 100 % before sending anything', async () => {
    api();
    show(<RegisterWorkPage />);
    type(/^Title/, 'Song of Dawn');
    fireEvent.change(screen.getByLabelText(/^Category/), { target: { value: 'MUSIC' } });
    act(() => screen.getByRole('button', { name: 'Add a share' }).click());
    type(/^Holder id of share 2/, '0190a1b2-0000-7000-8000-000000000002');
    type(/^Percentage of share 2/, '20');
    await press(screen.getByRole('button', { name: 'Register the work' }));
    const summary = screen.getByRole('alert');
    expect(
      within(summary).getByText(
        'The shares of Performance add up to 120 %: they may add up to 100 % at most.',
      ),
    ).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('should send percentages as basis points, then offer to confirm a likely duplicate', async () => {
    api(
      {
        errors: [
          {
            message:
              'likely a duplicate of work w1 (Song of Dawn): same title, category and holders',
            extensions: { code: 'CONFLICT' },
          },
        ],
      },
      { data: { registerWork: { id: 'w2', title: 'Song of Dawn', disputed: false } } },
    );
    show(<RegisterWorkPage />);
    type(/^Title/, 'Song of Dawn');
    fireEvent.change(screen.getByLabelText(/^Category/), { target: { value: 'MUSIC' } });
    type(/^Percentage of share 1/, '62.5');
    await press(screen.getByRole('button', { name: 'Register the work' }));
    expect(sent[0]!.variables.input).toMatchObject({
      title: 'Song of Dawn',
      category: 'MUSIC',
      shares: [{ holderId: PARTY, rightType: 'PERFORMANCE', shareBps: 6250 }],
      confirmDuplicates: false,
    });
    await press(screen.getByRole('button', { name: 'Register it anyway' }));
    expect(sent[1]!.variables.input).toMatchObject({ confirmDuplicates: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Work registered');
  });
});

describe('importing a CSV', () => {
  it('should list every refused line by its number, in Japanese too', async () => {
    class FakeUpload {
      status = 200;
      responseText = JSON.stringify({
        imported: 0,
        errors: [
          { line: 3, field: 'iswc', reason: 'T-034.524.680-9: ISWC check digit should be 1' },
        ],
      });
      upload: { onprogress?: (event: { loaded: number; total: number }) => void } = {};
      onload?: () => void;
      headers: Record<string, string> = {};
      open(method: string, url: string) {
        expect([method, url]).toEqual(['POST', '/v1/works/import']);
      }
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      }
      send() {
        expect(this.headers.authorization).toBe('Bearer token');
        this.upload.onprogress?.({ loaded: 10, total: 10 });
        this.onload?.();
      }
    }
    globalThis.XMLHttpRequest = FakeUpload as unknown as typeof XMLHttpRequest;
    show(<ImportWorksPage />, 'ja');
    const file = new File(['title,category\n'], 'works.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(/^CSV ファイル/), { target: { files: [file] } });
    await press(screen.getByRole('button', { name: '取り込む' }));
    const table = screen.getByRole('table', { name: 'ファイルの問題（行ごと）' });
    expect(within(table).getByRole('rowheader', { name: '3' })).toBeTruthy();
    expect(within(table).getByText('iswc')).toBeTruthy();
    expect(screen.getByText(/1 件の問題が見つかりました/)).toBeTruthy();
  });

  it('should ask for a file before sending', async () => {
    show(<ImportWorksPage />);
    await press(screen.getByRole('button', { name: 'Import' }));
    expect(
      within(screen.getByRole('alert')).getByText('Choose a CSV file to import.'),
    ).toBeTruthy();
  });
});
