import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { Language } from '../../i18n/i18n';
import { renderRoutes, stubApi } from '../../testing/page-harness';
import { lastDayOf, reasonKey } from './domain';
import { PAGE_SIZE, UnclaimedPage } from './Pages';

const renderAt = (path: string, language: Language = 'en') =>
  renderRoutes({ '/unclaimed': <UnclaimedPage /> }, path, language);

const reserve = (id: string, fields: Record<string, unknown>) => ({
  cursor: id,
  node: {
    id,
    title: null,
    reason: 'UNCLAIMED',
    releaseAfter: '2027-11-30',
    periodStart: '2026-11-01',
    periodEnd: '2026-12-01',
    category: 'MUSIC',
    societyName: 'さくら音楽著作権協会',
    amount: { amountMinor: '4909', currency: 'JPY' },
    work: null,
    ...fields,
  },
});

const page = (edges: unknown[], totalCount = edges.length, hasNextPage = false) => ({
  data: { reserves: { totalCount, edges, pageInfo: { hasNextPage, endCursor: 'end' } } },
});

const dawn = reserve('r-1', { title: '夜明けのうた', work: { id: 'w-1' } });
const radio = reserve('r-2', {
  title: 'ミッドナイト・ラジオ',
  reason: 'UNIDENTIFIED',
  amount: { amountMinor: '8182', currency: 'JPY' },
});

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('money waiting for its owners', () => {
  it('should say why money waits in words for every reason', () => {
    expect(
      ['UNCLAIMED', 'UNIDENTIFIED', 'DISPUTED', 'NO_USAGE', 'NON_MEMBER'].map(reasonKey),
    ).toEqual([
      'reasonUnclaimed',
      'reasonUnidentified',
      'reasonDisputed',
      'reasonNoUsage',
      'reasonHeld',
    ]);
  });

  it('should end a period on its last day, not the day after', () => {
    expect(lastDayOf('2026-12-01')).toBe('2026-11-30');
    expect(lastDayOf('2027-03-01')).toBe('2027-02-28');
  });

  it('should list money with amount, reason, period, date and a claim link, and the steps to claim', async () => {
    const calls = stubApi(() => page([dawn, radio]));
    renderAt('/unclaimed', 'ja');
    const item = (await screen.findByRole('heading', { name: 'ミッドナイト・ラジオ' })).closest(
      'li',
    )!;
    expect(item.textContent).toContain('￥8,182');
    expect(item.textContent).toContain(
      'プラットフォームが報告した題名が、登録されたどの作品とも一致しません。',
    );
    expect(item.textContent).toContain('2027年11月30日');
    expect(item.textContent).toContain('2026年11月1日〜2026年11月30日');
    expect(item.textContent).toContain('音楽');
    expect(item.textContent).toContain('さくら音楽著作権協会');
    expect(
      within(item)
        .getByRole('link', { name: '「ミッドナイト・ラジオ」の分配金を請求する' })
        .getAttribute('href'),
    ).toBe('/me/claims/new?reserve=r-2');
    expect(screen.getByRole('heading', { name: '請求のしかた' })).toBeTruthy();
    expect(calls[0]!.variables).toEqual({ query: null, first: PAGE_SIZE, after: null });
  });

  it('should search by title through the API, keep it in the address, and say when none matches', async () => {
    const calls = stubApi(({ variables }) =>
      variables.query === '夜明け' ? page([dawn]) : page([]),
    );
    renderAt('/unclaimed');
    fireEvent.change(await screen.findByLabelText('Title of the work'), {
      target: { value: ' 夜明け ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByRole('heading', { name: 'Money waiting to be claimed for “夜明け”' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '夜明けのうた' }).getAttribute('href')).toBe(
      '/works/w-1',
    );
    expect(calls.at(-1)!.variables.query).toBe('夜明け');
    expect(screen.getByLabelText('address').textContent).toBe(
      `/unclaimed?q=${encodeURIComponent('夜明け')}`,
    );
    fireEvent.change(screen.getByLabelText('Title of the work'), { target: { value: 'zzz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByText(
        'No money waiting matches “zzz”. Check the spelling or try part of the title.',
      ),
    ).toBeTruthy();
  });

  it('should page through many with the count', async () => {
    const calls = stubApi(({ variables }) =>
      variables.after ? page([radio], 21) : page([dawn], 21, true),
    );
    renderAt('/unclaimed');
    expect(await screen.findByText('Showing 1–1 of 21')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: 'ミッドナイト・ラジオ' })).toBeTruthy();
    expect(calls.at(-1)!.variables.after).toBe('end');
    expect(screen.getByText(`Showing ${PAGE_SIZE + 1}–${PAGE_SIZE + 1} of 21`)).toBeTruthy();
  });

  it('should show an API error as a sentence in the visitor’s language', async () => {
    stubApi(() => ({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    renderAt('/unclaimed', 'ja');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'システムで問題が発生しました。申し訳ありません。しばらくしてからもう一度お試しください。',
    );
  });
});
