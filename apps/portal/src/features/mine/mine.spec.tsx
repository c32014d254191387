import { TextDecoder, TextEncoder } from 'node:util';
import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

// jsdom lacks the encoders the router uses; Node's are the same API.
Object.assign(globalThis, { TextEncoder, TextDecoder });

const person: { role?: string; party?: string } = {};
const renewed = jest.fn(() => Promise.resolve(undefined));
// The signed-in person (the sign-in itself is the identity app's, tested there).
jest.unstable_mockModule('../../lib/session', () => ({
  useSession: () => ({
    session: { accessToken: 't', expiresAt: 0, account: 'a', ...person },
    known: true,
  }),
  accessToken: () => Promise.resolve('t'),
  refresh: () => Promise.resolve(undefined),
  renewSession: renewed,
}));

let MemoryRouter: typeof import('react-router').MemoryRouter;
let LanguageProvider: typeof import('../../i18n/i18n').LanguageProvider;
let pages: typeof import('./Pages');

beforeAll(async () => {
  ({ MemoryRouter } = await import('react-router'));
  ({ LanguageProvider } = await import('../../i18n/i18n'));
  pages = await import('./Pages');
});

const requests: { url: string; body?: string }[] = [];
/** The gateway answering each request in turn with a status and a JSON body. */
function gateway(...answers: [number, unknown][]) {
  globalThis.fetch = ((url: string, init: { body?: string }) => {
    requests.push({ url, body: init.body });
    const [status, body] = answers.shift() ?? [200, { grants: [] }];
    return Promise.resolve({
      status,
      ok: status < 300,
      json: () => Promise.resolve(body),
      text: () => Promise.resolve(JSON.stringify(body)),
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

describe('my page', () => {
  it('should ask a person without a role to become a right holder, with no works tile', () => {
    person.role = undefined;
    gateway([200, { grants: [] }]);
    show(<pages.MinePage />);
    expect(screen.getByRole('link', { name: 'Become a right holder' }).getAttribute('href')).toBe(
      '/me/right-holder',
    );
    expect(screen.queryByRole('link', { name: 'My works' })).toBe(null);
    expect(screen.getByRole('link', { name: 'Account settings' }).getAttribute('href')).toBe(
      '/account',
    );
  });

  it('should tell an operator its console comes later', () => {
    person.role = 'OPERATOR';
    gateway([200, { grants: [{}] }]);
    show(<pages.MinePage />, 'ja');
    expect(screen.getByText('運営者としてログインしています。')).toBeTruthy();
    expect(screen.getByText(/向けのページは今後用意します/)).toBeTruthy();
  });
});

describe('becoming a right holder', () => {
  it('should tie the service’s refusal to its field, then register and renew the sign-in', async () => {
    person.role = undefined;
    renewed.mockClear();
    gateway(
      [400, { statusCode: 400, message: 'ipiNameNumber: the check digits are wrong' }],
      [201, { grant: { id: 'g', role: 'RIGHT_HOLDER' } }],
    );
    show(<pages.BecomeRightHolderPage />);
    const country = screen.getByLabelText<HTMLSelectElement>(/^Country/);
    expect(country.value).toBe('JP');
    expect(country.options[1]!.textContent).toBe('Japan');
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Hanako Yamada' } });
    fireEvent.change(screen.getByLabelText(/^IPI name number/), {
      target: { value: '00052210040' },
    });
    await press(screen.getByRole('button', { name: 'Register as a right holder' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link').getAttribute('href')).toBe('#ipiNameNumber');
    expect(JSON.parse(requests.at(-1)!.body!)).toEqual({
      name: 'Hanako Yamada',
      country: 'JP',
      ipiNameNumber: '00052210040',
    });
    expect(renewed).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/^IPI name number/), { target: { value: '' } });
    await press(screen.getByRole('button', { name: 'Register as a right holder' }));
    expect(renewed).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'You are now a right holder',
    );
    expect(screen.getByRole('link', { name: 'Register a work' }).getAttribute('href')).toBe(
      '/me/works/new',
    );
  });

  it('should say what is missing before sending anything', async () => {
    gateway();
    requests.length = 0;
    show(<pages.BecomeRightHolderPage />, 'ja');
    await press(screen.getByRole('button', { name: '権利者として登録する' }));
    expect(
      within(screen.getByRole('alert')).getByText('明細書に表示する名前を入力してください。'),
    ).toBeTruthy();
    expect(requests).toEqual([]);
  });
});
