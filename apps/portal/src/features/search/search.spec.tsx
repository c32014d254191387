import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { Language } from '../../i18n/i18n';
import { renderRoutes, stubApi } from '../../testing/page-harness';
import { identifierText, isOutOfScheme, matchedHowKey, standingByUse } from './domain';
import { SearchPage } from './SearchPage';
import { WorkPage } from './WorkPage';

const renderAt = (path: string, language: Language = 'en') =>
  renderRoutes(
    { '/': <SearchPage />, '/search': <SearchPage />, '/works/:id': <WorkPage /> },
    path,
    language,
  );

const nightDrive = {
  id: 'w-1',
  title: 'Night Drive',
  category: 'MUSIC',
  creatorNames: ['山田 花子'],
  optOuts: [],
};
const cherryRain = {
  id: 'w-2',
  title: '桜の雨',
  category: 'MUSIC',
  creatorNames: [],
  optOuts: [
    {
      useTypes: ['SNS_POST'],
      effectiveFrom: '2026-11-01T00:00:00Z',
      withdrawnAt: null,
      inForce: true,
    },
  ],
};

const realFetch = globalThis.fetch;
beforeEach(() => window.localStorage.clear());
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('what the public pages work out', () => {
  it('should say from when each use is out of the scheme, all uses for an opt-out with none listed', () => {
    const standing = standingByUse([
      { useTypes: ['SNS_POST'], effectiveFrom: '2026-12-01T00:00:00Z', inForce: false },
      { useTypes: [], effectiveFrom: '2027-01-01T00:00:00Z', inForce: false },
      {
        useTypes: ['STREAM'],
        effectiveFrom: '2026-10-01T00:00:00Z',
        inForce: true,
        withdrawnAt: '2026-10-05T00:00:00Z',
      },
    ]);
    expect(standing.find((use) => use.useType === 'SNS_POST')?.from).toBe('2026-12-01T00:00:00Z');
    // The withdrawn opt-out no longer counts: streaming is out from the all-uses one only.
    expect(standing.find((use) => use.useType === 'STREAM')?.from).toBe('2027-01-01T00:00:00Z');
    expect(standing).toHaveLength(7);
    expect(standingByUse([]).every((use) => use.from === null)).toBe(true);
  });

  it('should mark a work out of the scheme only while an opt-out is in force', () => {
    expect(isOutOfScheme(cherryRain.optOuts)).toBe(true);
    expect(isOutOfScheme([{ ...cherryRain.optOuts[0]!, inForce: false }])).toBe(false);
  });

  it('should write identifiers as people write them', () => {
    expect(identifierText('ISWC', 'T0345246801')).toBe('T-034.524.680-1');
    expect(identifierText('ISRC', 'JPD002600002')).toBe('JP-D00-26-00002');
    expect(identifierText('ISBN', '9784001000013')).toBe('9784001000013');
  });

  it('should name every way of matching', () => {
    expect(['IDENTIFIER', 'EXACT_TITLE', 'READING', 'FUZZY', 'PARTIAL'].map(matchedHowKey)).toEqual(
      ['matchIdentifier', 'matchExact', 'matchReading', 'matchSimilar', 'matchPartial'],
    );
  });
});

describe('the search page', () => {
  it('should offer what can be searched, with two examples, before any search', () => {
    const calls = stubApi(() => ({ data: { matchWorks: [] } }));
    renderAt('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Find a work' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What you can search' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '夜明けのうた' }).getAttribute('href')).toBe(
      `/search?q=${encodeURIComponent('夜明けのうた')}`,
    );
    expect(screen.getByRole('link', { name: 'JP-D00-26-00002' })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('should keep the query and category in the address, and show how each work matched', async () => {
    const calls = stubApi(() => ({
      data: {
        matchWorks: [
          { method: 'READING', score: 0.9, work: cherryRain },
          { method: 'FUZZY', score: 0.5, work: nightDrive },
        ],
      },
    }));
    renderAt('/');
    fireEvent.change(screen.getByLabelText('Title, creator or identifier'), {
      target: { value: ' さくらのあめ ' },
    });
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'MUSIC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByRole('heading', { name: '2 works found for “さくらのあめ”' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('address').textContent).toBe(
      `/search?q=${encodeURIComponent('さくらのあめ')}&category=MUSIC`,
    );
    expect(calls[0]!.variables).toEqual({ query: 'さくらのあめ', category: 'MUSIC' });
    const items = screen.getAllByRole('listitem');
    const first = items.find((item) => within(item).queryByRole('link', { name: '桜の雨' }))!;
    expect(within(first).getByText('Out of the scheme')).toBeTruthy();
    expect(within(first).getByText(/How it matched: same reading/)).toBeTruthy();
    const second = items.find((item) => within(item).queryByRole('link', { name: 'Night Drive' }))!;
    expect(within(second).queryByText('Out of the scheme')).toBeNull();
    expect(
      within(second).getByText(/Music · Creators: 山田 花子 · How it matched: similar title/),
    ).toBeTruthy();
  });

  it('should give advice when nothing matches, in Japanese too', async () => {
    stubApi(() => ({ data: { matchWorks: [] } }));
    renderAt('/search?q=zzzz&category=GAME', 'ja');
    expect(
      await screen.findByRole('heading', { name: '「zzzz」に一致する作品はありません' }),
    ).toBeTruthy();
    expect(
      screen.getByText('種類を選んでいる場合は「すべての種類」でお試しください。'),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('題名・作者名・識別子').value).toBe('zzzz');
  });

  it('should show an API error as a sentence', async () => {
    stubApi(() => ({ errors: [{ message: 'boom', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
    renderAt('/search?q=night');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The service is busy or starting. Try again in a minute.',
    );
    expect(screen.getByRole('alert').textContent).not.toContain('SERVICE_UNAVAILABLE');
  });
});

describe('a work’s page', () => {
  const work = {
    ...cherryRain,
    alternativeTitles: [{ title: 'Sakura no Ame', language: 'ja-Latn' }],
    identifiers: [{ scheme: 'ISWC', value: 'T0345246801' }],
    disputed: false,
  };

  it('should say for which uses the work is out of the scheme and from when, and hide holders from visitors', async () => {
    stubApi(() => ({ data: { optOutStatus: { work } } }));
    renderAt('/works/w-2');
    expect(await screen.findByRole('heading', { level: 1, name: '桜の雨' })).toBeTruthy();
    expect(screen.getByText('ISWC T-034.524.680-1')).toBeTruthy();
    expect(screen.getByText('Sakura no Ame')).toBeTruthy();
    const table = screen.getByRole('table', {
      name: 'Uses of this work and whether they are out of the scheme',
    });
    const sns = within(table).getByRole('row', { name: /Posts on social networks/ });
    expect(sns.textContent).toContain('Out of the scheme from 1 November 2026');
    const stream = within(table).getByRole('row', { name: /Streaming/ });
    expect(stream.textContent).toContain('Yes, in the scheme');
    expect(screen.getByText(/shown to signed-in people only/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Is this your work?' })).toBeTruthy();
  });

  it('should say a work is not found in words, not as an error', async () => {
    stubApi(() => ({
      data: null,
      errors: [{ message: 'No work with id x', extensions: { code: 'NOT_FOUND' } }],
    }));
    renderAt('/works/x', 'ja');
    expect(
      await screen.findByRole('heading', { level: 1, name: '作品が見つかりません' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '作品を検索する' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
