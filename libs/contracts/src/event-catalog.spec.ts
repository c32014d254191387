import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EventRejectedError } from './event-catalog.js';
import type { EventDefinition } from './event-definition.js';
import {
  BatchApproved,
  ClaimSettled,
  StatementAvailable,
  UsageReportProcessed,
  WorkRegistered,
  type WorkRegisteredV1,
} from './events/index.js';
import { eventCatalog } from './index.js';
import { Topics } from './topics.js';
import { IdentifierScheme, RightType, WorkCategory } from './values/enums.js';

const holderId = randomUUID();

function workRegistered(overrides: Partial<WorkRegisteredV1> = {}): WorkRegisteredV1 {
  return {
    workId: randomUUID(),
    title: '夜に駆ける',
    category: WorkCategory.MUSIC,
    creatorNames: ['Ayase'],
    identifiers: [{ scheme: IdentifierScheme.ISWC, value: 'T0345246801' }],
    shares: [{ holderId, rightType: RightType.PERFORMANCE, shareBps: 10_000 }],
    sharesEffectiveFrom: '2026-01-01T00:00:00.000Z',
    registeredBy: holderId,
    ...overrides,
  };
}

/** A valid envelope as it arrives: through JSON, so a plain object. */
function receivedEnvelope(): Record<string, unknown> {
  const envelope = eventCatalog.envelope('rights-registry', {
    definition: WorkRegistered,
    aggregateId: 'w-1',
    payload: workRegistered(),
    correlationId: 'c',
  });
  return JSON.parse(JSON.stringify(envelope)) as Record<string, unknown>;
}

function rejection(attempt: () => unknown): EventRejectedError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof EventRejectedError) return error;
    throw error;
  }
  throw new Error('expected the event to be rejected');
}

describe('eventCatalog', () => {
  it('should hold every event of the design, and scheme.defined, on its aggregate topic', () => {
    const sut = eventCatalog.definitions.map((d) => [d.type, d.version, d.topic]);
    expect(sut).toEqual(
      expect.arrayContaining([
        ['registry.party.registered', 1, Topics.registryParty],
        ['registry.party.updated', 1, Topics.registryParty],
        ['registry.party.membership-changed', 1, Topics.registryParty],
        ['registry.work.registered', 1, Topics.registryWork],
        ['registry.work.updated', 1, Topics.registryWork],
        ['registry.work.shares-changed', 1, Topics.registryWork],
        ['registry.work.dispute-opened', 1, Topics.registryWork],
        ['registry.work.dispute-resolved', 1, Topics.registryWork],
        ['optout.registered', 1, Topics.optOut],
        ['optout.withdrawn', 1, Topics.optOut],
        ['authorization.scheme.defined', 1, Topics.authorizationScheme],
        ['authorization.license.granted', 1, Topics.authorizationLicense],
        ['authorization.license.revoked', 1, Topics.authorizationLicense],
        ['distribution.batch.calculated', 1, Topics.distributionBatch],
        ['distribution.batch.approved', 1, Topics.distributionBatch],
        ['distribution.batch.closed', 1, Topics.distributionBatch],
        ['distribution.reserve.released', 1, Topics.distributionBatch],
        ['distribution.claim.settled', 1, Topics.distributionBatch],
        ['distribution.statement.available', 1, Topics.distributionBatch],
        ['distribution.usage-report.processed', 1, Topics.distributionUsageReport],
      ]),
    );
    expect(sut).toHaveLength(20);
  });

  it('should build an envelope that decodes back to the same event after JSON', () => {
    const payload = workRegistered();
    const envelope = eventCatalog.envelope('rights-registry', {
      definition: WorkRegistered,
      aggregateId: payload.workId,
      payload,
      correlationId: 'req-1',
    });
    expect(envelope).toMatchObject({
      type: 'registry.work.registered',
      version: 1,
      producer: 'rights-registry',
      aggregateId: payload.workId,
      correlationId: 'req-1',
      causationId: null,
    });
    const sut = eventCatalog.decode(JSON.parse(JSON.stringify(envelope)));
    expect(sut.definition).toBe(WorkRegistered);
    expect(sut.envelope.payload).toEqual(payload);
  });

  it('should refuse to produce an invalid payload, naming the nested field', () => {
    const payload = workRegistered({
      shares: [{ holderId, rightType: RightType.PERFORMANCE, shareBps: 12_000 }],
    });
    const sut = rejection(() =>
      eventCatalog.envelope('rights-registry', {
        definition: WorkRegistered,
        aggregateId: payload.workId,
        payload,
        correlationId: 'req-1',
      }),
    );
    expect(sut.reason).toBe('invalid-payload');
    expect(sut.details.join()).toContain('shares.0.shareBps');
  });

  it('should reject a version it does not know, listing the known ones', () => {
    const sut = rejection(() => eventCatalog.decode({ ...receivedEnvelope(), version: 2 }));
    expect(sut.reason).toBe('unknown-version');
    expect(sut.message).toContain('known: 1');
  });

  it('should reject a type it does not know', () => {
    expect(
      rejection(() =>
        eventCatalog.decode({ ...receivedEnvelope(), type: 'registry.work.exploded' }),
      ).reason,
    ).toBe('unknown-type');
  });

  it('should reject a malformed envelope', () => {
    expect(
      rejection(() => eventCatalog.decode({ ...receivedEnvelope(), eventId: 'nope' })).reason,
    ).toBe('malformed-envelope');
    expect(rejection(() => eventCatalog.decode('text')).reason).toBe('malformed-envelope');
  });

  it('should reject a payload that fails validation', () => {
    const envelope = receivedEnvelope();
    const sut = rejection(() =>
      eventCatalog.decode({
        ...envelope,
        payload: { ...(envelope.payload as object), category: 'PAINTING' },
      }),
    );
    expect(sut.reason).toBe('invalid-payload');
    expect(sut.details.join()).toContain('category');
  });

  it('should tolerate fields it does not know (added by a newer producer)', () => {
    const envelope = receivedEnvelope();
    const sut = eventCatalog.decode({
      ...envelope,
      payload: { ...(envelope.payload as object), genre: 'J-pop' },
    });
    expect(sut.envelope.type).toBe('registry.work.registered');
  });
});

/** An envelope of `definition` with `payload` as it arrives: through JSON. */
function received(definition: EventDefinition, payload: object): Record<string, unknown> {
  return {
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: '2026-11-30T00:00:00.000Z',
    producer: 'royalty-distribution',
    aggregateId: 'b-1',
    correlationId: 'c',
    causationId: null,
    payload: JSON.parse(JSON.stringify(payload)) as object,
  };
}

describe('fields added to version 1 of an event', () => {
  const approvedBefore = {
    batchId: randomUUID(),
    checksum: 'a'.repeat(64),
    approvedBy: randomUUID(),
    approvedAt: '2026-11-30T00:00:00.000Z',
  };
  const settledBefore = {
    claimId: randomUUID(),
    reserveId: randomUUID(),
    holderId,
    amount: { amountMinor: '1500', currency: 'JPY' },
    settledAt: '2026-11-30T00:00:00.000Z',
  };

  it('should still decode events written before the fields were added', () => {
    expect(eventCatalog.decode(received(BatchApproved, approvedBefore)).definition).toBe(
      BatchApproved,
    );
    expect(eventCatalog.decode(received(ClaimSettled, settledBefore)).definition).toBe(
      ClaimSettled,
    );
  });

  it('should decode the added fields, a claimant of no society as null', () => {
    const approved = eventCatalog.decode(
      received(BatchApproved, {
        ...approvedBefore,
        societyId: randomUUID(),
        category: WorkCategory.MUSIC,
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        currency: 'JPY',
        allocatedTotal: { amountMinor: '900', currency: 'JPY' },
        reservedTotal: { amountMinor: '100', currency: 'JPY' },
      }),
    );
    expect(approved.envelope.payload).toMatchObject({ allocatedTotal: { amountMinor: '900' } });
    const settled = eventCatalog.decode(
      received(ClaimSettled, { ...settledBefore, batchId: randomUUID(), claimantSocietyId: null }),
    );
    expect(settled.envelope.payload).toMatchObject({ claimantSocietyId: null });
  });

  it('should refuse an added field that is present but wrong', () => {
    const sut = rejection(() =>
      eventCatalog.decode(
        received(BatchApproved, {
          ...approvedBefore,
          allocatedTotal: { amountMinor: '9.5', currency: 'JPY' },
        }),
      ),
    );
    expect(sut.reason).toBe('invalid-payload');
    expect(sut.details.join()).toContain('allocatedTotal.amountMinor');
  });

  it('should take ids as the API does: any UUID, whatever its version', () => {
    const holder = '9f1c2e7a-5b3d-0e4f-a1b2-c3d4e5f6a7b8';
    const sut = eventCatalog.decode(
      received(StatementAvailable, {
        batchId: randomUUID(),
        holderId: holder,
        societyId: randomUUID(),
        category: WorkCategory.MUSIC,
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        totalPayable: { amountMinor: '900', currency: 'JPY' },
        totalHeld: { amountMinor: '0', currency: 'JPY' },
      }),
    );
    expect(sut.envelope.payload).toMatchObject({ holderId: holder });
  });

  it('should refuse a processed usage report whose rejected lines are not a path of the API', () => {
    const sut = rejection(() =>
      eventCatalog.envelope('royalty-distribution', {
        definition: UsageReportProcessed,
        aggregateId: 'r-1',
        correlationId: 'c',
        payload: {
          reportId: randomUUID(),
          platformId: randomUUID(),
          status: 'ACCEPTED',
          periodStart: '2026-10-01',
          periodEnd: '2026-11-01',
          linesAccepted: 1,
          linesRejected: 0,
          processedAt: '2026-11-30T00:00:00.000Z',
          rejectedLinesPath: 'https://example.org/errors',
        },
      }),
    );
    expect(sut.details.join()).toContain('rejectedLinesPath');
  });
});

describe('envelope checks', () => {
  it.each([
    ['eventId', 'not-a-uuid'],
    ['type', 'Registry Work'],
    ['version', 0],
    ['version', '1'],
    ['occurredAt', 'yesterday'],
    ['producer', ''],
    ['aggregateId', 42],
    ['correlationId', undefined],
    ['causationId', 7],
    ['payload', []],
  ])('should reject %s = %j', (field, value) => {
    const sut = rejection(() => eventCatalog.decode({ ...receivedEnvelope(), [field]: value }));
    expect(sut.reason).toBe('malformed-envelope');
    expect(sut.details.join()).toContain(field);
  });

  it('should accept a null causation id and an offset instant', () => {
    const sut = eventCatalog.decode({
      ...receivedEnvelope(),
      causationId: null,
      occurredAt: '2026-11-24T09:00:00+09:00',
    });
    expect(sut.envelope.causationId).toBeNull();
  });
});
