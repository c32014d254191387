import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { Language } from '../../i18n/i18n';
import { renderRoutes, stubApi } from '../../testing/page-harness';
import { reasonKey, reserveTitle, titleHolds } from './domain';
import { UnclaimedPage } from './Pages';

const renderAt = (path: string, language: Language = 'en') =>
  renderRoutes({ '/unclaimed': <UnclaimedPage /> }, path, language);

const reserve = (id: string, fields: Record<string, unknown>) => ({
  node: {
    id,
    workKey: 'w-1',
    reason: 'UNCLAIMED',
    releaseAfter: '2027-11-30',
    amount: { amountMinor: '4909', currency: 'JPY' },
    work: null,
    ...fields,
  },
});

const reserves = [
  reserve('r-1', { work: { id: 'w-1', title: '夜明けのうた' } }),
  reserve('r-2', {
    workKey: 'title:ミッドナイト・ラジオ|creator:someone',
    reason: 'UNIDENTIFIED',
    amount: { amountMinor: '8182', currency: 'JPY' },
  }),
];

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('money waiting for its owners', () => {
  it('should know a reserve by its work’s title, else the reported title', () => {
    expect(reserveTitle({ workKey: 'w', work: { title: 'Night Drive' } })).toBe('Night Drive');
    expect(reserveTitle({ workKey: 'title:blue sky|creator:x', work: null })).toBe('blue sky');
    expect(reserveTitle({ workKey: 'title:only', work: null })).toBe('only');
    expect(reserveTitle({ workKey: 'NO_USAGE', work: null })).toBeNull();
  });

  it('should match titles whatever the width, case and spacing', () => {
    expect(titleHolds('ミッドナイト・ラジオ', 'ﾐｯﾄﾞﾅｲﾄ')).toBe(true);
    expect(titleHolds('Night Drive', 'night  drive')).toBe(true);
    expect(titleHolds('Night Drive', 'day')).toBe(false);
  });

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

  it('should list money with amount, reason, date and a claim link, and the steps to claim', async () => {
    stubApi(() => ({
      data: { reserves: { edges: reserves, pageInfo: { hasNextPage: false, endCursor: null } } },
    }));
    renderAt('/unclaimed', 'ja');
    const item = (await screen.findByRole('heading', { name: 'ミッドナイト・ラジオ' })).closest(
      'li',
    )!;
    expect(item.textContent).toContain('￥8,182');
    expect(item.textContent).toContain(
      'プラットフォームが報告した題名が、登録されたどの作品とも一致しません。',
    );
    expect(item.textContent).toContain('2027年11月30日');
    expect(
      within(item)
        .getByRole('link', { name: '「ミッドナイト・ラジオ」の分配金を請求する' })
        .getAttribute('href'),
    ).toBe('/me/claims/new?reserve=r-2');
    expect(screen.getByRole('heading', { name: '請求のしかた' })).toBeTruthy();
  });

  it('should find money by title and say when none matches', async () => {
    stubApi(() => ({
      data: { reserves: { edges: reserves, pageInfo: { hasNextPage: false, endCursor: null } } },
    }));
    renderAt('/unclaimed');
    fireEvent.change(await screen.findByLabelText('Title of the work'), {
      target: { value: '夜明け' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByRole('heading', { name: 'Money waiting to be claimed for “夜明け”' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '夜明けのうた' }).getAttribute('href')).toBe(
      '/works/w-1',
    );
    expect(screen.queryByRole('heading', { name: 'ミッドナイト・ラジオ' })).toBeNull();
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

  it('should show an API error as a sentence in the visitor’s language', async () => {
    stubApi(() => ({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    renderAt('/unclaimed', 'ja');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'こちらで問題が発生しました。しばらくしてからもう一度お試しください。',
    );
  });
});
