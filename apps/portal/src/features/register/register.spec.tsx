import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { Language } from '../../i18n/i18n';
import { renderRoutes, stubApi } from '../../testing/page-harness';
import { OptOutRegisterPage, PAGE_SIZE, usesText } from './Pages';

const renderAt = (path: string, language: Language = 'en') =>
  renderRoutes({ '/opt-out-register': <OptOutRegisterPage /> }, path, language);

const entry = (n: number, useTypes: string[] = []) => ({
  cursor: `c${n}`,
  node: {
    title: `Work ${n}`,
    category: 'MUSIC',
    useTypes,
    since: '2026-11-01T00:00:00Z',
    work: { id: `w-${n}` },
  },
});

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('the opt-out register', () => {
  it('should name the uses, or say all uses when none is listed', () => {
    expect(usesText([], 'All uses', (u) => u)).toBe('All uses');
    expect(usesText(['STREAM', 'SNS_POST'], 'All uses', (u) => u.toLowerCase())).toBe(
      'stream、sns_post',
    );
  });

  it('should list entries with their work, uses as words and date, and page with cursors', async () => {
    const calls = stubApi(({ variables }) =>
      variables.after
        ? {
            data: {
              optOutRegister: {
                totalCount: 3,
                edges: [entry(3)],
                pageInfo: { hasNextPage: false, endCursor: 'c3' },
              },
            },
          }
        : {
            data: {
              optOutRegister: {
                totalCount: 3,
                edges: [entry(1, ['SNS_POST', 'VIDEO_POST']), entry(2)],
                pageInfo: { hasNextPage: true, endCursor: 'c2' },
              },
            },
          },
    );
    renderAt('/opt-out-register');
    const table = await screen.findByRole('table', { name: 'Works out of the scheme' });
    const first = within(table).getByRole('row', { name: /Work 1/ });
    expect(within(first).getByRole('link', { name: 'Work 1' }).getAttribute('href')).toBe(
      '/works/w-1',
    );
    expect(first.textContent).toContain(
      'Posts on social networks and Videos posted on video sites',
    );
    expect(first.textContent).toContain('1 November 2026');
    expect(within(table).getByRole('row', { name: /Work 2/ }).textContent).toContain('All uses');
    expect(calls[0]!.variables).toEqual({ first: PAGE_SIZE, after: null });
    expect(screen.getByText('Showing 1–2 of 3')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'Work 3' })).toBeTruthy();
    expect(calls[1]!.variables.after).toBe('c2');
    expect(screen.getByText(`Showing ${PAGE_SIZE + 1}–${PAGE_SIZE + 1} of 3`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'Work 1' })).toBeTruthy();
  });

  it('should filter by title and category through the address, and say when none matches', async () => {
    const calls = stubApi(() => ({
      data: {
        optOutRegister: {
          totalCount: 0,
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    }));
    renderAt('/opt-out-register', 'ja');
    fireEvent.change(await screen.findByLabelText('種類'), { target: { value: 'GAME' } });
    fireEvent.change(screen.getByLabelText('題名（一部でも可）'), { target: { value: '剣' } });
    fireEvent.click(screen.getByRole('button', { name: '表示' }));
    expect(
      await screen.findByText(
        '「剣」に一致する作品は登録簿にありません。表記を確かめるか、題名の一部でお試しください。',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText('address').textContent).toBe(
      `/opt-out-register?q=${encodeURIComponent('剣')}&category=GAME`,
    );
    expect(calls.at(-1)!.variables).toMatchObject({ category: 'GAME', query: '剣' });
  });
});
