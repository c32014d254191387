import { describe, expect, it } from '@jest/globals';
import {
  Decision,
  OptOutScope,
  UseType,
  WorkCategory,
  type BatchApprovedV1,
  type LicenseGrantedV1,
} from '#libs/contracts';
import { batchApprovedData } from '../batches/batch.data.js';
import { claimSettledNotice, claimSocieties } from '../claim-settled/claim-settled.data.js';
import { disputeOpenedParams, disputeParties } from '../dispute-opened/dispute-opened.params.js';
import {
  isGrantAfterPending,
  licenseGrantedData,
} from '../license-granted/license-granted.data.js';
import { optOutConfirmedParams } from '../opt-out-confirmed/opt-out-confirmed.params.js';
import { statementAvailableParams } from '../statement-available/statement-available.params.js';
import {
  rejectedLinesUrl,
  usageReportProcessedData,
} from '../usage-report-processed/usage-report-processed.data.js';

const id = (digit: string) =>
  `${digit.repeat(8)}-${digit.repeat(4)}-4${digit.repeat(3)}-8${digit.repeat(3)}-${digit.repeat(12)}`;
const yen = (amountMinor: string) => ({ amountMinor, currency: 'JPY' });

describe('webhook data', () => {
  const granted: LicenseGrantedV1 = {
    licenseId: id('1'),
    platformId: id('2'),
    useRequestId: id('3'),
    workId: id('4'),
    unidentifiedReference: null,
    decision: Decision.GRANTED_ECL,
    schemeId: id('5'),
    societyId: id('6'),
    category: WorkCategory.MUSIC,
    useType: UseType.STREAM,
    territory: 'JP',
    validFrom: '2026-01-01',
    validTo: '2027-01-01',
    expectedQuantity: 10,
    fee: yen('20'),
  };

  it('should tell a grant only when the item had been PENDING', () => {
    expect(isGrantAfterPending(granted)).toBe(false);
    expect(isGrantAfterPending({ ...granted, previouslyPending: true })).toBe(true);
  });

  it('should give a granted license its work by title, without the scheme or society', () => {
    const sut = licenseGrantedData(granted, 'Night Train');
    expect(sut).toMatchObject({ work: { id: id('4'), title: 'Night Train' }, fee: yen('20') });
    expect(sut).not.toHaveProperty('schemeId');
    expect(sut).not.toHaveProperty('platformId');
  });

  it('should make the rejected lines an absolute address of the public origin', () => {
    expect(rejectedLinesUrl('/v1/usage-reports/r/errors.csv', 'https://api.example.org')).toBe(
      'https://api.example.org/v1/usage-reports/r/errors.csv',
    );
    const sut = usageReportProcessedData(
      {
        reportId: id('1'),
        platformId: id('2'),
        status: 'ACCEPTED',
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        linesAccepted: 9,
        linesRejected: 1,
        processedAt: '2026-11-30T00:00:00.000Z',
        rejectedLinesPath: `/v1/usage-reports/${id('1')}/errors.csv`,
      },
      'http://127.0.0.1:4000',
    );
    expect(sut).toEqual({
      reportId: id('1'),
      status: 'ACCEPTED',
      periodStart: '2026-10-01',
      periodEnd: '2026-11-01',
      linesAccepted: 9,
      linesRejected: 1,
      processedAt: '2026-11-30T00:00:00.000Z',
      rejectedLinesUrl: `http://127.0.0.1:4000/v1/usage-reports/${id('1')}/errors.csv`,
    });
  });

  it('should not tell who approved a batch, and null for terms an older event lacks', () => {
    const approved: BatchApprovedV1 = {
      batchId: id('1'),
      checksum: 'a'.repeat(64),
      approvedBy: id('9'),
      approvedAt: '2026-11-30T00:00:00.000Z',
    };
    const sut = batchApprovedData(approved);
    expect(JSON.stringify(sut)).not.toContain(id('9'));
    expect(sut).toMatchObject({ batchId: id('1'), category: null, allocatedTotal: null });
  });

  it('should tell the paying society and the claimant society once each', () => {
    expect(claimSocieties(id('1'), id('2'))).toEqual([id('1'), id('2')]);
    expect(claimSocieties(id('1'), id('1'))).toEqual([id('1')]);
    expect(claimSocieties(undefined, null)).toEqual([]);
    expect(claimSocieties(undefined, id('2'))).toEqual([id('2')]);
  });
});

describe('mail notice params', () => {
  it('should confirm an opt-out by the work title, or of all works', () => {
    const event = {
      optOutId: id('1'),
      holderId: id('2'),
      scope: OptOutScope.WORK,
      workId: id('3'),
      useTypes: [UseType.STREAM],
      effectiveFrom: '2026-12-01T00:00:00.000Z',
    };
    expect(optOutConfirmedParams(event, 'Night Train')).toEqual({
      scope: 'WORK',
      workTitle: 'Night Train',
      useTypes: ['STREAM'],
      effectiveFrom: '2026-12-01T00:00:00.000Z',
      path: '/me/opt-outs',
    });
    expect(optOutConfirmedParams(event, undefined).workTitle).toBe(id('3'));
    expect(
      optOutConfirmedParams({ ...event, scope: OptOutScope.ALL_WORKS, workId: null }, undefined)
        .workTitle,
    ).toBeNull();
  });

  it("should link a statement to its batch's page with what is payable", () => {
    expect(
      statementAvailableParams({
        batchId: id('1'),
        holderId: id('2'),
        societyId: id('3'),
        category: WorkCategory.MUSIC,
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        totalPayable: yen('900'),
        totalHeld: yen('100'),
      }),
    ).toEqual({
      periodFrom: '2026-10-01',
      periodTo: '2026-11-01',
      category: 'MUSIC',
      amount: yen('900'),
      held: yen('100'),
      path: `/me/money/${id('1')}`,
    });
  });

  it('should tell a settled claim and a dispute with their pages', () => {
    expect(
      claimSettledNotice({
        claimId: id('1'),
        reserveId: id('2'),
        holderId: id('3'),
        amount: yen('5'),
        settledAt: '2026-11-30T00:00:00.000Z',
      }),
    ).toEqual({
      amount: yen('5'),
      settledAt: '2026-11-30T00:00:00.000Z',
      workTitle: null,
      path: '/me/claims',
    });
    const dispute = {
      workId: id('1'),
      disputeId: id('2'),
      reason: 'conflicting claims',
      partyIds: [id('3'), id('4'), id('3')],
      openedAt: '2026-11-30T00:00:00.000Z',
    };
    expect(disputeParties(dispute)).toEqual([id('3'), id('4')]);
    expect(disputeOpenedParams(dispute, 'Night Train')).toEqual({
      workTitle: 'Night Train',
      reason: 'conflicting claims',
      openedAt: '2026-11-30T00:00:00.000Z',
      path: '/me/disputes',
    });
  });
});
