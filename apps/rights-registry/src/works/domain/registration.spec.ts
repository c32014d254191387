import { describe, expect, it } from '@jest/globals';
import { IdentifierScheme } from '#libs/contracts';
import { decideRegistration, type IdentifierConflict } from './registration.js';

const conflict = (workId: string, holderIds: string[]): IdentifierConflict => ({
  workId,
  scheme: IdentifierScheme.ISWC,
  value: 'T0345246801',
  holderIds,
});

describe(decideRegistration.name, () => {
  it('should create a work whose identifiers are new', () => {
    expect(decideRegistration(['a'], [])).toEqual({ kind: 'create' });
  });

  it('should call it a duplicate when a claimant already holds the existing work', () => {
    expect(decideRegistration(['a', 'b'], [conflict('w1', ['a'])])).toEqual({
      kind: 'duplicate',
      conflict: conflict('w1', ['a']),
    });
  });

  it('should open a dispute instead of overwriting another holder’s work', () => {
    expect(decideRegistration(['b'], [conflict('w1', ['a'])])).toEqual({
      kind: 'dispute',
      conflict: conflict('w1', ['a']),
      reason: 'ISWC T0345246801 is registered to work w1 with other holders',
    });
  });

  it('should call a registration claiming no holders a duplicate', () => {
    expect(decideRegistration([], [conflict('w1', ['a'])])).toMatchObject({
      kind: 'duplicate',
      conflict: { workId: 'w1' },
    });
  });

  it('should prefer the duplicate when the claimant holds one of several conflicting works', () => {
    expect(decideRegistration(['b'], [conflict('w1', ['a']), conflict('w2', ['b'])])).toMatchObject(
      {
        kind: 'duplicate',
        conflict: { workId: 'w2' },
      },
    );
  });
});
