import type { DatedShareVersion } from './share-dating.js';

/**
 * Which share version pays a day's usage: the TypeScript rule (share-dating.ts) and its SQL twin
 * (BUILD_CELL_USES) are tested on these. Each scenario: a work's share versions (instant, then
 * holder and basis points of MAKING_AVAILABLE; another right type never counts), a usage day and
 * its points, and the points each holder key gets.
 */
export interface ShareDatingScenario {
  name: string;
  versions: {
    effectiveFrom: string;
    shares: { holder: string; bps: number; rightType?: string }[];
  }[];
  usageDate: string;
  points: bigint;
  expected: Record<string, bigint>;
}

export const HOLDERS = {
  alice: '0a000000-0000-4000-8000-00000000000a',
  bob: '0b000000-0000-4000-8000-00000000000b',
} as const;

const registeredAt9 = {
  effectiveFrom: '2026-03-10T09:00:00Z',
  shares: [
    { holder: 'alice', bps: 7000 },
    { holder: 'bob', bps: 3000, rightType: 'REPRODUCTION' },
  ],
};
const bobFromThe20th = {
  effectiveFrom: '2026-03-20T00:00:00Z',
  shares: [{ holder: 'bob', bps: 10000 }],
};
const bobFromThe25thAt14 = {
  effectiveFrom: '2026-03-25T14:00:00Z',
  shares: [{ holder: 'bob', bps: 10000 }],
};

export const SHARE_DATING_SCENARIOS: ShareDatingScenario[] = [
  {
    name: 'usage on the day of registration, before the registration hour, is paid to its holders',
    versions: [registeredAt9],
    usageDate: '2026-03-10',
    points: 5n,
    expected: { alice: 35000n, UNCLAIMED: 15000n },
  },
  {
    name: 'usage long before registration is paid by the first version',
    versions: [registeredAt9, bobFromThe20th],
    usageDate: '2020-01-01',
    points: 1n,
    expected: { alice: 7000n, UNCLAIMED: 3000n },
  },
  {
    name: 'usage after registration and before an update keeps the first version',
    versions: [registeredAt9, bobFromThe20th],
    usageDate: '2026-03-19',
    points: 2n,
    expected: { alice: 14000n, UNCLAIMED: 6000n },
  },
  {
    name: 'an update at the start of a day pays that day',
    versions: [registeredAt9, bobFromThe20th],
    usageDate: '2026-03-20',
    points: 2n,
    expected: { bob: 20000n },
  },
  {
    name: 'an update during a day leaves that day to the version before',
    versions: [registeredAt9, bobFromThe25thAt14],
    usageDate: '2026-03-25',
    points: 1n,
    expected: { alice: 7000n, UNCLAIMED: 3000n },
  },
  {
    name: 'an update during a day pays the day after',
    versions: [registeredAt9, bobFromThe25thAt14],
    usageDate: '2026-03-26',
    points: 1n,
    expected: { bob: 10000n },
  },
  {
    name: 'a first version without shares of the right type leaves everything unclaimed',
    versions: [
      {
        effectiveFrom: '2026-03-10T09:00:00Z',
        shares: [{ holder: 'bob', bps: 10000, rightType: 'REPRODUCTION' }],
      },
    ],
    usageDate: '2026-03-01',
    points: 3n,
    expected: { UNCLAIMED: 30000n },
  },
];

/** A scenario's versions as the rule takes them. */
export function scenarioVersions(scenario: ShareDatingScenario): DatedShareVersion[] {
  return scenario.versions.map((version) => ({
    effectiveFrom: new Date(version.effectiveFrom),
    shares: version.shares.map((share) => ({
      holderId: HOLDERS[share.holder as keyof typeof HOLDERS],
      rightType: share.rightType ?? 'MAKING_AVAILABLE',
      shareBps: share.bps,
    })),
  }));
}

/** A scenario's expected cells, keyed by holder id (or UNCLAIMED). */
export function scenarioExpected(scenario: ShareDatingScenario): Record<string, bigint> {
  return Object.fromEntries(
    Object.entries(scenario.expected).map(([key, points]) => [
      HOLDERS[key as keyof typeof HOLDERS] ?? key,
      points,
    ]),
  );
}
