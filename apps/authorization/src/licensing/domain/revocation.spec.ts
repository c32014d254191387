import { describe, expect, it } from '@jest/globals';
import { OptOutScope, UseType, holdersOverTime, type OptOutTerms } from '#libs/contracts';
import { revocationFrom, type ActiveLicense } from './revocation.js';

const holders = holdersOverTime([
  { effectiveFrom: new Date('2020-01-01T00:00:00Z'), holderIds: ['alice'] },
]);
const license: ActiveLicense = {
  workId: 'work-1',
  useType: UseType.STREAM,
  validFrom: '2026-12-01',
  validTo: '2027-01-01',
};
const optOut = (terms: Partial<OptOutTerms> = {}): OptOutTerms => ({
  id: 'o',
  holderId: 'alice',
  scope: OptOutScope.WORK,
  workId: 'work-1',
  useTypes: [],
  effectiveFrom: new Date('2026-12-10T12:00:00Z'),
  withdrawnAt: null,
  ...terms,
});

describe(revocationFrom.name, () => {
  it('should revoke from the opt-out’s effective time inside the period', () => {
    expect(revocationFrom(optOut(), license, holders)).toEqual(new Date('2026-12-10T12:00:00Z'));
  });

  it('should revoke from the license’s start when the opt-out is already in force', () => {
    const early = optOut({ effectiveFrom: new Date('2026-11-01T00:00:00Z') });
    expect(revocationFrom(early, license, holders)).toEqual(new Date('2026-12-01T00:00:00Z'));
  });

  it('should leave alone a license that ends before the opt-out, another work, another use or another holder', () => {
    expect(
      revocationFrom(optOut({ effectiveFrom: new Date('2027-01-01T00:00:00Z') }), license, holders),
    ).toBeNull();
    expect(revocationFrom(optOut({ workId: 'work-2' }), license, holders)).toBeNull();
    expect(revocationFrom(optOut({ useTypes: [UseType.DOWNLOAD] }), license, holders)).toBeNull();
    expect(revocationFrom(optOut({ holderId: 'bob' }), license, holders)).toBeNull();
    expect(revocationFrom(optOut(), { ...license, workId: null }, holders)).toBeNull();
  });

  it('should revoke every licensed work of the holder for ALL_WORKS', () => {
    const all = optOut({ scope: OptOutScope.ALL_WORKS, workId: null });
    expect(revocationFrom(all, { ...license, workId: 'any-work' }, holders)).not.toBeNull();
  });
});
