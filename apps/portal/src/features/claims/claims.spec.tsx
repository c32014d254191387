import { inApp, stubApi, type SentOperation } from '../../lib/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MyClaims } from './MyClaimsPage';
import { NewClaim, NewClaimPage } from './NewClaimPage';

const yen = (amountMinor: string) => ({ amountMinor, currency: 'JPY' });
let restore = () => {};
afterEach(() => restore());

const reserve = (id: string, status = 'OPEN') => ({
  id,
  workKey: 'w1',
  title: '桜の雨',
  periodStart: '2026-11-01',
  periodEnd: '2026-12-01',
  societyName: 'さくら音楽著作権協会',
  reason: 'NON_MEMBER',
  amount: yen('6136'),
  status,
  releaseAfter: '2029-12-01',
});

describe('my claims', () => {
  beforeEach(() => {
    ({ restore } = stubApi({
      ClaimsMine: () => ({
        claims: {
          totalCount: 2,
          edges: [
            {
              cursor: 'c1',
              node: {
                id: 'c1',
                status: 'PENDING',
                createdAt: '2026-12-03T00:00:00Z',
                settledAt: null,
                reserve: { id: 'r1', workKey: 'w1', title: '桜の雨', amount: yen('6136') },
              },
            },
            {
              cursor: 'c2',
              node: {
                id: 'c2',
                status: 'REJECTED',
                createdAt: '2026-10-03T00:00:00Z',
                settledAt: '2026-10-10T00:00:00Z',
                reserve: { id: 'r2', workKey: 'unidentified:x', title: null, amount: yen('50') },
              },
            },
          ],
          pageInfo: { hasNextPage: false, endCursor: 'c2' },
        },
      }),
    }));
  });

  it('should list claims with the money, the date and the status in words', async () => {
    render(inApp(<MyClaims holderId="p1" />));
    const table = await screen.findByRole('table', { name: 'Your claims' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toBe('桜の雨¥6,1363 December 2026Waiting for the society');
    expect(rows[1]!.textContent).toContain('A work not yet identified (unidentified:x)');
    expect(rows[1]!.textContent).toContain('Rejected');
    expect(rows[1]!.textContent).toContain('Decided on 10 October 2026');
  });

  it('should speak Japanese', async () => {
    render(inApp(<MyClaims holderId="p1" />, 'ja'));
    expect(await screen.findByText('管理団体の確認待ち')).toBeTruthy();
  });
});

describe('a new claim', () => {
  let sent: SentOperation[];
  beforeEach(() => {
    ({ sent, restore } = stubApi({
      ClaimsReserves: ({ after }) =>
        after
          ? {
              reserves: {
                edges: [{ node: reserve('r2') }, { node: reserve('r3', 'CLAIMED') }],
                pageInfo: { hasNextPage: false, endCursor: 'r3' },
              },
            }
          : {
              reserves: {
                edges: [{ node: reserve('r1') }],
                pageInfo: { hasNextPage: true, endCursor: 'r1' },
              },
            },
      ClaimsClaimReserve: () => ({
        claimReserve: { id: 'c9', status: 'PENDING', createdAt: '2026-12-03T00:00:00Z' },
      }),
    }));
  });

  it('should show the money and why it waits, ask for evidence, then send the claim', async () => {
    const user = userEvent.setup();
    render(inApp(<NewClaim holderId="p1" />, 'en', '/me/claims/new?reserve=r2'));
    expect(await screen.findByText('桜の雨')).toBeTruthy();
    expect(screen.getByText('¥6,136')).toBeTruthy();
    expect(
      screen.getByText(
        'Its owner is not a member of a society, so it is held until the owner claims it.',
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send the claim' }));
    expect(
      within(screen.getByRole('alert')).getByRole('link', {
        name: 'Tell us why the money is yours',
      }),
    ).toBeTruthy();
    expect(sent.some((s) => s.operationName === 'ClaimsClaimReserve')).toBe(false);
    await user.type(screen.getByRole('textbox', { name: /Why is this money yours/ }), 'JASRAC 123');
    await user.click(screen.getByRole('button', { name: 'Send the claim' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your claim is sent' }),
    ).toBeTruthy();
    expect(sent.find((s) => s.operationName === 'ClaimsClaimReserve')!.variables).toEqual({
      input: { reserveId: 'r2', holderId: 'p1', evidence: 'JASRAC 123' },
    });
  });

  it('should not offer a claim on money claimed already', async () => {
    render(inApp(<NewClaim holderId="p1" />, 'en', '/me/claims/new?reserve=r3'));
    expect(
      await screen.findByText(
        'This money can no longer be claimed: it was claimed already or released.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send the claim' })).toBeNull();
  });

  it('should send someone without a reserve to the money waiting for owners', async () => {
    render(inApp(<NewClaim holderId="p1" />, 'en', '/me/claims/new?reserve=unknown'));
    expect(
      (await screen.findByRole('link', { name: 'Find money waiting for its owner' })).getAttribute(
        'href',
      ),
    ).toBe('/unclaimed');
  });

  it('should ask someone who is not a right holder to become one first', () => {
    render(inApp(<NewClaimPage />));
    expect(screen.getByRole('link', { name: 'Become a right holder' })).toBeTruthy();
  });
});
