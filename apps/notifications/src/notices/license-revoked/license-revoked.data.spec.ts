import { describe, expect, it } from '@jest/globals';
import { UseType, type LicenseRevokedV1 } from '#libs/contracts';
import { licenseRevokedData } from './license-revoked.data.js';

const before: LicenseRevokedV1 = {
  licenseId: '11111111-1111-4111-8111-111111111111',
  platformId: '22222222-2222-4222-8222-222222222222',
  revokedFrom: '2026-12-01T00:00:00.000Z',
  reason: 'the holder opted out',
  optOutId: '33333333-3333-4333-8333-333333333333',
};
const license = {
  workId: '44444444-4444-4444-8444-444444444444',
  useType: 'STREAM',
  territory: 'JP',
  validFrom: '2026-01-01',
  validTo: '2027-01-01',
};
const optOut = {
  holderId: '55555555-5555-4555-8555-555555555555',
  effectiveFrom: '2026-11-30T12:00:00.000Z',
};

describe(licenseRevokedData.name, () => {
  it('should fill an event without the added fields from the read models and its time', () => {
    const sut = licenseRevokedData(before, {
      occurredAt: '2026-11-30T12:00:01.000Z',
      license,
      optOut,
      workTitle: 'Night Train',
      holderName: 'Holder A',
    });
    expect(sut).toEqual({
      licenseId: before.licenseId,
      revokedFrom: before.revokedFrom,
      revokedAt: '2026-11-30T12:00:01.000Z',
      reason: before.reason,
      optOutId: before.optOutId,
      optOutEffectiveFrom: optOut.effectiveFrom,
      work: { id: license.workId, title: 'Night Train' },
      useType: 'STREAM',
      territory: 'JP',
      validFrom: '2026-01-01',
      validTo: '2027-01-01',
      holder: { id: optOut.holderId, name: 'Holder A' },
    });
  });

  it("should prefer the event's own fields to the read models", () => {
    const holderId = '66666666-6666-4666-8666-666666666666';
    const sut = licenseRevokedData(
      {
        ...before,
        revokedAt: '2026-11-30T12:00:00.500Z',
        workId: null,
        useType: UseType.DOWNLOAD,
        territory: 'KR',
        validFrom: '2026-02-01',
        validTo: '2026-03-01',
        holderId,
        optOutEffectiveFrom: '2026-11-29T00:00:00.000Z',
      },
      { occurredAt: '2026-11-30T12:00:01.000Z', license, optOut },
    );
    expect(sut).toMatchObject({
      revokedAt: '2026-11-30T12:00:00.500Z',
      optOutEffectiveFrom: '2026-11-29T00:00:00.000Z',
      work: null,
      useType: 'DOWNLOAD',
      territory: 'KR',
      validFrom: '2026-02-01',
      validTo: '2026-03-01',
      holder: { id: holderId, name: null },
    });
  });

  it('should say null for what nobody knows', () => {
    const sut = licenseRevokedData(
      { ...before, optOutId: null },
      { occurredAt: '2026-11-30T12:00:01.000Z' },
    );
    expect(sut).toMatchObject({
      optOutId: null,
      optOutEffectiveFrom: null,
      work: null,
      useType: null,
      holder: null,
    });
  });
});
