import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EventRejectedError } from '../event-catalog.js';
import { eventCatalog } from '../index.js';
import { UseType, WorkCategory, Decision } from '../values/enums.js';
import { LicenseGranted, type LicenseGrantedV1 } from './license-granted/license-granted.event.js';
import { LicenseRevoked, type LicenseRevokedV1 } from './license-revoked/license-revoked.event.js';

const roundTrip = (definition: typeof LicenseRevoked | typeof LicenseGranted, payload: object) =>
  eventCatalog.decode(
    JSON.parse(
      JSON.stringify(
        eventCatalog.envelope('authorization', {
          definition,
          aggregateId: randomUUID(),
          payload,
          correlationId: 'c',
        }),
      ),
    ),
  ).envelope.payload;

const refusal = (attempt: () => unknown): EventRejectedError => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof EventRejectedError) return error;
    throw error;
  }
  throw new Error('expected the event to be refused');
};

const revoked: LicenseRevokedV1 = {
  licenseId: randomUUID(),
  platformId: randomUUID(),
  revokedFrom: '2026-12-01T00:00:00.000Z',
  reason: 'opted out',
  optOutId: randomUUID(),
};

const granted: LicenseGrantedV1 = {
  licenseId: randomUUID(),
  platformId: randomUUID(),
  useRequestId: randomUUID(),
  workId: randomUUID(),
  unidentifiedReference: null,
  decision: Decision.GRANTED_ECL,
  schemeId: randomUUID(),
  societyId: randomUUID(),
  category: WorkCategory.MUSIC,
  useType: UseType.STREAM,
  territory: 'JP',
  validFrom: '2026-12-01',
  validTo: '2027-01-01',
  expectedQuantity: 10,
  fee: { amountMinor: '30', currency: 'JPY' },
};

describe('license.revoked v1', () => {
  it('should accept an event written before the enriched fields, as version 1', () => {
    expect(roundTrip(LicenseRevoked, revoked)).toEqual(revoked);
  });

  it('should carry when it happened, the license’s terms and the holder to contact', () => {
    const payload: LicenseRevokedV1 = {
      ...revoked,
      revokedAt: '2026-11-30T12:00:00.000Z',
      workId: randomUUID(),
      useType: UseType.STREAM,
      territory: 'JP',
      validFrom: '2026-11-01',
      validTo: '2027-01-01',
      holderId: randomUUID(),
      optOutEffectiveFrom: '2026-12-01T00:00:00.000Z',
    };
    expect(roundTrip(LicenseRevoked, payload)).toEqual(payload);
  });

  it('should refuse an enriched field that is not what it says', () => {
    const sut = refusal(() =>
      roundTrip(LicenseRevoked, { ...revoked, revokedAt: '2026-11-30', validTo: '2027-02-30' }),
    );
    expect(sut.details.join()).toContain('revokedAt');
    expect(sut.details.join()).toContain('validTo');
  });
});

describe('license.granted v1', () => {
  it('should accept a license granted when asked, and one granted after PENDING', () => {
    expect(roundTrip(LicenseGranted, granted)).toEqual(granted);
    const later = { ...granted, previouslyPending: true as const };
    expect(roundTrip(LicenseGranted, later)).toEqual(later);
  });

  it('should refuse previouslyPending other than true', () => {
    expect(
      refusal(() => roundTrip(LicenseGranted, { ...granted, previouslyPending: false })).reason,
    ).toBe('invalid-payload');
  });
});
