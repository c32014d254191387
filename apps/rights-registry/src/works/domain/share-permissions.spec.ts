import { describe, expect, it } from '@jest/globals';
import { RightType, Role } from '#libs/contracts';
import {
  effectiveFromProblem,
  loweredHolders,
  mayChangeShares,
  shareChangeRefusal,
} from './share-permissions.js';

describe(mayChangeShares.name, () => {
  const holders = new Set(['holder-a']);
  const societies = new Set(['society-x']);

  it.each([
    [Role.OPERATOR, 'anyone', true],
    [Role.RIGHT_HOLDER, 'holder-a', true],
    [Role.RIGHT_HOLDER, 'holder-b', false],
    [Role.SOCIETY_ADMIN, 'society-x', true],
    [Role.SOCIETY_ADMIN, 'society-y', false],
    [Role.PLATFORM, 'holder-a', false],
  ])('should let %s %s change the shares: %p', (role, partyId, allowed) => {
    expect(mayChangeShares({ role, partyId }, holders, societies)).toBe(allowed);
  });
});

const perf = (holderId: string, shareBps: number) => ({
  holderId,
  rightType: RightType.PERFORMANCE,
  shareBps,
});
const repro = (holderId: string, shareBps: number) => ({
  holderId,
  rightType: RightType.REPRODUCTION,
  shareBps,
});

describe(loweredHolders.name, () => {
  it('should name holders whose share of any right type drops or disappears', () => {
    const before = [perf('H1', 5000), perf('H2', 5000), repro('H2', 10_000)];
    expect(loweredHolders(before, [perf('H1', 5000), perf('H2', 5000)])).toEqual(['H2']);
    expect(
      loweredHolders(before, [perf('H1', 4000), perf('H2', 6000), repro('H2', 10_000)]),
    ).toEqual(['H1']);
    expect(loweredHolders(before, [...before, perf('H3', 1)])).toEqual([]);
    expect(loweredHolders(before, [])).toEqual(['H1', 'H2']);
  });
});

/**
 * Work held by H1 (member of society S) and H2 (member of society T), 5000 bps each; C holds
 * nothing.
 */
describe(shareChangeRefusal.name, () => {
  const before = [perf('H1', 5000), perf('H2', 5000)];
  const members: Record<string, string[]> = { S: ['H1'], T: ['H2'] };
  const refusal = (role: Role, partyId: string, after: ReturnType<typeof perf>[]) =>
    shareChangeRefusal({ role, partyId }, before, after, (holderId) =>
      (members[partyId] ?? []).includes(holderId),
    );

  it.each([
    // caller                          after                                   allowed
    ['the operator takes all for H1', Role.OPERATOR, 'O', [perf('H1', 10_000)], true],
    ['H1 takes all', Role.RIGHT_HOLDER, 'H1', [perf('H1', 10_000)], false],
    [
      'H1 takes 1 bps from H2',
      Role.RIGHT_HOLDER,
      'H1',
      [perf('H1', 5001), perf('H2', 4999)],
      false,
    ],
    ['H1 gives H2 some', Role.RIGHT_HOLDER, 'H1', [perf('H1', 4000), perf('H2', 6000)], true],
    ['H1 leaves', Role.RIGHT_HOLDER, 'H1', [perf('H2', 5000)], true],
    ['H1 adds C', Role.RIGHT_HOLDER, 'H1', [...before, perf('C', 1)], true],
    ["S's admin takes all for H1", Role.SOCIETY_ADMIN, 'S', [perf('H1', 10_000)], false],
    [
      "S's admin moves H1's share to C",
      Role.SOCIETY_ADMIN,
      'S',
      [perf('C', 5000), perf('H2', 5000)],
      true,
    ],
    ["T's admin gives H2's share to H1", Role.SOCIETY_ADMIN, 'T', [perf('H1', 10_000)], true],
    ['an unrelated admin removes H1', Role.SOCIETY_ADMIN, 'U', [perf('H2', 5000)], false],
  ])('%s: allowed %s', (_, role, partyId, after, allowed) => {
    expect(refusal(role, partyId, after) === undefined).toBe(allowed);
  });

  it('should say to open a dispute or ask the operator, naming the holder who would lose', () => {
    expect(refusal(Role.RIGHT_HOLDER, 'H1', [perf('H1', 10_000)])).toBe(
      'this change lowers or removes the share of holder H2, and a right holder lowers only its own share: to take a share from another holder, open a dispute by registering the claim, or ask the operator',
    );
  });
});

describe(effectiveFromProblem.name, () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it.each([
    [Role.RIGHT_HOLDER, '2026-06-01T12:00:00Z', true],
    [Role.RIGHT_HOLDER, '2026-06-01T11:59:30Z', true],
    [Role.RIGHT_HOLDER, '2026-06-01T11:58:59Z', false],
    [Role.SOCIETY_ADMIN, '2026-01-01T00:00:00Z', false],
    [Role.SOCIETY_ADMIN, '2027-01-01T00:00:00Z', true],
    [Role.OPERATOR, '2020-01-01T00:00:00Z', true],
  ])('should let a %s set shares from %s: %s', (role, at, allowed) => {
    expect(effectiveFromProblem({ role, partyId: 'P' }, new Date(at), now) === undefined).toBe(
      allowed,
    );
  });

  it('should say only the operator back-dates shares', () => {
    expect(effectiveFromProblem({ role: Role.RIGHT_HOLDER, partyId: 'H' }, new Date(0), now)).toBe(
      'effectiveFrom may not be in the past; only the operator back-dates shares',
    );
  });
});
