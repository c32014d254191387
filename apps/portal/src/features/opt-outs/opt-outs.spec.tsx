import { stubApi, inApp, type SentOperation as Sent } from '../../lib/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Language } from '../../i18n/i18n';
import { MyOptOuts, MyOptOutsPage, NewOptOut } from './Pages';

let restore = () => {};
afterEach(() => restore());

function renderPage(page: React.ReactNode, language: Language = 'en', path = '/') {
  return render(inApp(page, language, path));
}

const optOuts = [
  {
    id: 'o1',
    scope: 'WORK',
    work: { id: 'w1', title: '夜に駆ける' },
    useTypes: ['SNS_POST', 'VIDEO_POST'],
    effectiveFrom: '2026-01-01T00:00:00Z',
    withdrawnAt: null,
    registeredAt: '2026-01-01T00:00:00Z',
    inForce: true,
  },
  {
    id: 'o2',
    scope: 'ALL_WORKS',
    work: null,
    useTypes: [],
    effectiveFrom: '2025-06-01T00:00:00Z',
    withdrawnAt: '2025-09-01T00:00:00Z',
    registeredAt: '2025-06-01T00:00:00Z',
    inForce: false,
  },
];

describe('my opt-outs', () => {
  let withdrawn: boolean;
  let sent: Sent[];
  beforeEach(() => {
    withdrawn = false;
    ({ sent, restore } = stubApi({
      OptOutsMine: () => ({
        optOuts: optOuts.map((o) =>
          o.id === 'o1' && withdrawn
            ? { ...o, withdrawnAt: '2026-02-01T00:00:00Z', inForce: false }
            : o,
        ),
      }),
      OptOutsWithdraw: ({ id }) => {
        withdrawn = true;
        return { withdrawOptOut: { id, withdrawnAt: '2026-02-01T00:00:00Z', inForce: false } };
      },
    }));
  });

  it('should list each opt-out with its work, uses in words and standing', async () => {
    renderPage(<MyOptOuts holderId="p1" />);
    await screen.findByRole('heading', { name: '夜に駆ける' });
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]!).getByRole('heading', { name: '夜に駆ける' })).toBeTruthy();
    expect(
      within(items[0]!).getByText('Posts on social networks, Videos posted on video sites'),
    ).toBeTruthy();
    expect(within(items[0]!).getByText('In force')).toBeTruthy();
    expect(within(items[1]!).getByRole('heading', { name: 'All my works' })).toBeTruthy();
    expect(within(items[1]!).getByText('All uses')).toBeTruthy();
    expect(within(items[1]!).getByText(/^Withdrawn on/)).toBeTruthy();
    // A withdrawn opt-out cannot be withdrawn again.
    expect(within(items[1]!).queryByRole('button')).toBeNull();
    expect(sent[0]).toEqual({ operationName: 'OptOutsMine', variables: { holderId: 'p1' } });
  });

  it('should withdraw only after the confirm step says what withdrawing means', async () => {
    const user = userEvent.setup();
    renderPage(<MyOptOuts holderId="p1" />);
    await user.click(
      await screen.findByRole('button', { name: 'Withdraw the opt-out of 夜に駆ける' }),
    );
    const confirm = screen.getByRole('group', { name: 'Withdraw this opt-out?' });
    expect(
      within(confirm).getByText(/platforms can again get a license for 夜に駆ける/),
    ).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'No, keep it' }));
    expect(sent.some((s) => s.operationName === 'OptOutsWithdraw')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Withdraw the opt-out of 夜に駆ける' }));
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw it' }));
    expect(await screen.findByText('The opt-out of 夜に駆ける is withdrawn.')).toBeTruthy();
    expect(sent.filter((s) => s.operationName === 'OptOutsWithdraw')).toEqual([
      { operationName: 'OptOutsWithdraw', variables: { id: 'o1' } },
    ]);
    await waitFor(() => expect(screen.getAllByText(/^Withdrawn on/)).toHaveLength(2));
  });

  it('should speak Japanese', async () => {
    renderPage(<MyOptOuts holderId="p1" />, 'ja');
    expect(await screen.findByText('SNSへの投稿、動画サイトへの投稿')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'オプトアウトの一覧' })).toBeTruthy();
  });

  it('should tell someone who is not a right holder to become one first', () => {
    renderPage(<MyOptOutsPage />);
    expect(screen.getByRole('heading', { name: 'Become a right holder first' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Become a right holder' }).getAttribute('href')).toBe(
      '/me/right-holder',
    );
  });
});

describe('a new opt-out', () => {
  let sent: Sent[];
  beforeEach(() => {
    ({ sent, restore } = stubApi({
      OptOutsMyWorks: () => ({
        works: {
          edges: [
            { node: { id: 'w1', title: '夜に駆ける' } },
            { node: { id: 'w2', title: '群青' } },
          ],
        },
      }),
      OptOutsRegister: ({ input }) => {
        const i = input as { workId: string; useTypes: string[] };
        return {
          registerOptOut: {
            id: 'o9',
            scope: 'WORK',
            work: { id: i.workId, title: '群青' },
            useTypes: i.useTypes,
            effectiveFrom: '2026-03-01T00:00:00Z',
            confirmation: 'Opt-out o9 registered: 群青 is out of the scheme for SNS_POST.',
          },
        };
      },
    }));
  });

  it('should list what is missing, then register the chosen work for the chosen uses', async () => {
    const user = userEvent.setup();
    renderPage(<NewOptOut holderId="p1" />);
    await screen.findByRole('option', { name: '群青' });
    await user.click(screen.getByRole('radio', { name: 'Only some uses' }));
    await user.click(screen.getByRole('button', { name: 'Register the opt-out' }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose the work to opt out' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Choose at least one use' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Work' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(sent.some((s) => s.operationName === 'OptOutsRegister')).toBe(false);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Work' }), 'w2');
    const uses = screen.getByRole('group', { name: 'Uses to opt out of' });
    expect(within(uses).getAllByRole('checkbox')).toHaveLength(7);
    await user.click(within(uses).getByRole('checkbox', { name: 'Posts on social networks' }));
    await user.click(screen.getByRole('button', { name: 'Register the opt-out' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your opt-out is registered' }),
    ).toBeTruthy();
    expect(
      screen.getByText('Opt-out o9 registered: 群青 is out of the scheme for SNS_POST.'),
    ).toBeTruthy();
    expect(screen.getByText('Posts on social networks')).toBeTruthy();
    const register = sent.find((s) => s.operationName === 'OptOutsRegister')!;
    expect(register.variables.input).toMatchObject({
      holderId: 'p1',
      scope: 'WORK',
      workId: 'w2',
      useTypes: ['SNS_POST'],
    });
    expect((register.variables.input as { idempotencyKey: string }).idempotencyKey).toMatch(
      /\S{8,}/,
    );
  });

  it('should start with the work given in the address and refuse a date in the past', async () => {
    const user = userEvent.setup();
    renderPage(<NewOptOut holderId="p1" />, 'en', '/me/opt-outs/new?work=w1');
    await screen.findByRole('option', { name: '群青' });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Work' }).value).toBe('w1');
    await user.click(screen.getByRole('radio', { name: 'From a later date' }));
    await user.type(screen.getByLabelText('Date'), '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Register the opt-out' }));
    expect(
      within(screen.getByRole('alert')).getByRole('link', { name: 'Enter a date from today on' }),
    ).toBeTruthy();
    expect(sent.some((s) => s.operationName === 'OptOutsRegister')).toBe(false);
  });
});
