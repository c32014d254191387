import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Role } from '#libs/contracts';
import { assertMaySendNotices, NoticeError, NoticeKind, parseNotice } from './notice.js';

const base = () => ({ noticeId: randomUUID(), partyId: randomUUID() });

function problem(body: unknown): string {
  try {
    parseNotice(body);
  } catch (error) {
    if (error instanceof NoticeError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe(parseNotice.name, () => {
  it('should take a statement notice with its money and days', () => {
    const body = {
      ...base(),
      kind: 'STATEMENT_AVAILABLE',
      params: {
        periodFrom: '2026-10-01',
        periodTo: '2026-10-31',
        amount: { amountMinor: '1500', currency: 'JPY' },
        path: '/money/statements/1',
        extra: 'ignored',
      },
    };
    expect(parseNotice(body)).toEqual({
      noticeId: body.noticeId,
      partyId: body.partyId,
      kind: NoticeKind.STATEMENT_AVAILABLE,
      params: {
        periodFrom: '2026-10-01',
        periodTo: '2026-10-31',
        category: null,
        amount: { amountMinor: '1500', currency: 'JPY' },
        path: '/money/statements/1',
      },
    });
  });

  it.each([
    [null, 'the body must be a JSON object'],
    [{ ...base(), noticeId: 'x' }, 'noticeId must be a UUID'],
    [{ ...base(), kind: 'LICENSE_REVOKED', params: {} }, 'kind must be one of'],
    [{ ...base(), kind: 'DISPUTE_OPENED', params: [] }, 'params must be a JSON object'],
    [
      { ...base(), kind: 'DISPUTE_OPENED', params: { path: 'https://evil.example/' } },
      'params.path must be a path of the portal',
    ],
    [
      { ...base(), kind: 'DISPUTE_OPENED', params: { path: '//evil.example/' } },
      'params.path must be a path of the portal',
    ],
    [
      { ...base(), kind: 'DISPUTE_OPENED', params: { path: '/w', workTitle: 'A', reason: '' } },
      'params.reason must be a text',
    ],
    [
      {
        ...base(),
        kind: 'OPT_OUT_CONFIRMED',
        params: { path: '/o', scope: 'WORK', useTypes: [], effectiveFrom: '2026-12-01' },
      },
      'params.workTitle is needed when params.scope is WORK',
    ],
    [
      {
        ...base(),
        kind: 'OPT_OUT_CONFIRMED',
        params: { path: '/o', scope: 'ALL_WORKS', useTypes: ['FLY'], effectiveFrom: '2026-12-01' },
      },
      'params.useTypes[0] must be one of',
    ],
    [
      {
        ...base(),
        kind: 'CLAIM_SETTLED',
        params: { path: '/c', amount: { amountMinor: 15, currency: 'JPY' }, settledAt: 'now' },
      },
      'params.amount.amountMinor must be an integer number of minor units',
    ],
    [
      {
        ...base(),
        kind: 'CLAIM_SETTLED',
        params: { path: '/c', amount: { amountMinor: '15', currency: 'XXX' }, settledAt: 'now' },
      },
      'params.amount.currency must be one of',
    ],
    [
      {
        ...base(),
        kind: 'CLAIM_SETTLED',
        params: {
          path: '/c',
          amount: { amountMinor: '15', currency: 'JPY' },
          settledAt: '2026-02-30',
        },
      },
      'params.settledAt must be a date',
    ],
  ])('should refuse %j with a sentence', (body, expected) => {
    expect(problem(body)).toContain(expected);
  });
});

describe(assertMaySendNotices.name, () => {
  it('should let only the operator send notices', () => {
    expect(() => assertMaySendNotices({ role: Role.OPERATOR })).not.toThrow();
    for (const role of [Role.RIGHT_HOLDER, Role.SOCIETY_ADMIN, Role.PLATFORM, '']) {
      expect(() => assertMaySendNotices({ role })).toThrow(NoticeError);
    }
  });
});
