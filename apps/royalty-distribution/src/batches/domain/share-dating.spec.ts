import { describe, expect, it } from '@jest/globals';
import {
  SHARE_DATING_SCENARIOS,
  scenarioExpected,
  scenarioVersions,
} from './share-dating.scenarios.js';
import { shareVersionFor, usageCells } from './share-dating.js';

const WORK = '0c000000-0000-4000-8000-00000000000c';

describe(usageCells.name, () => {
  it.each(SHARE_DATING_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const cells = usageCells(
      WORK,
      scenarioVersions(scenario),
      scenario.usageDate,
      'MAKING_AVAILABLE',
      scenario.points,
    );
    expect(Object.fromEntries(cells.map((cell) => [cell.holderKey, cell.points]))).toEqual(
      scenarioExpected(scenario),
    );
    expect(cells.every((cell) => cell.workKey === WORK)).toBe(true);
  });

  it('should leave a work without versions wholly unclaimed', () => {
    expect(usageCells(WORK, [], '2026-03-10', 'MAKING_AVAILABLE', 2n)).toEqual([
      { workKey: WORK, holderKey: 'UNCLAIMED', points: 20000n },
    ]);
  });
});

describe(shareVersionFor.name, () => {
  it('should take the versions in any order', () => {
    const first = { effectiveFrom: new Date('2026-03-10T09:00:00Z') };
    const second = { effectiveFrom: new Date('2026-03-12T00:00:00Z') };
    expect(shareVersionFor([second, first], '2026-03-01')).toBe(first);
    expect(shareVersionFor([second, first], '2026-03-12')).toBe(second);
  });
});
