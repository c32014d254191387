import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import {
  Decision,
  LicenseGranted,
  LicenseRevoked,
  SchemeDefined,
  type IdentifierScheme,
  OptOutRegistered,
  OptOutScope,
  OptOutWithdrawn,
  UseType,
  WorkDisputeOpened,
  PartyKind,
  PartyMembershipChanged,
  PartyRegistered,
  RightType,
  WorkCategory,
  WorkRegistered,
  WorkSharesChanged,
  eventCatalog,
  type EventDefinition,
} from '#libs/contracts';
import { EVENT_TRANSPORT, Messaging, type EventTransport } from '#libs/messaging';

/**
 * Publishes registry and opt-out events into the event log a service under test reads, as
 * those services would (validated envelopes, keyed by aggregate), for a service tested alone.
 */
export class UpstreamEvents {
  private readonly transport: EventTransport;

  constructor(private readonly app: INestApplicationContext) {
    this.transport = app.get<EventTransport>(EVENT_TRANSPORT);
  }

  async holder(options: { societyId?: string; memberFrom?: string } = {}): Promise<string> {
    const partyId = randomUUID();
    await this.publish(PartyRegistered, partyId, {
      partyId,
      kind: PartyKind.RIGHT_HOLDER,
      name: `Holder ${partyId.slice(0, 8)}`,
      ipiNameNumber: null,
      country: 'JP',
      memberOfSocietyId: options.societyId ?? null,
    });
    if (options.societyId) {
      await this.publish(PartyMembershipChanged, partyId, {
        partyId,
        societyId: options.societyId,
        memberFrom: options.memberFrom ?? '2020-01-01',
        memberTo: null,
      });
    }
    return partyId;
  }

  /** A party of `kind` (with the id given, e.g. the one a test's caller acts for). */
  async party(kind: PartyKind, partyId: string = randomUUID()): Promise<string> {
    await this.publish(PartyRegistered, partyId, {
      partyId,
      kind,
      name: `${kind} ${partyId.slice(0, 8)}`,
      ipiNameNumber: null,
      country: null,
      memberOfSocietyId: null,
    });
    return partyId;
  }

  /** A work whose holders share PERFORMANCE equally, from `sharesFrom` (default a year ago). */
  async work(
    holderIds: string[],
    options: {
      title?: string;
      category?: WorkCategory;
      sharesFrom?: Date;
      creatorNames?: string[];
      identifiers?: { scheme: IdentifierScheme; value: string }[];
      /** Exact shares (default: the holders share PERFORMANCE equally). */
      shares?: { holderId: string; rightType: RightType; shareBps: number }[];
    } = {},
  ): Promise<string> {
    const workId = randomUUID();
    await this.publish(WorkRegistered, workId, {
      workId,
      title: options.title ?? `Work ${workId.slice(0, 8)}`,
      category: options.category ?? WorkCategory.MUSIC,
      creatorNames: options.creatorNames ?? [],
      identifiers: options.identifiers ?? [],
      shares: options.shares ?? sharesOf(holderIds),
      sharesEffectiveFrom: (
        options.sharesFrom ?? new Date(Date.now() - 365 * 86_400_000)
      ).toISOString(),
      registeredBy: holderIds[0] ?? randomUUID(),
    });
    return workId;
  }

  async sharesChanged(workId: string, holderIds: string[], effectiveFrom: Date): Promise<void> {
    await this.publish(WorkSharesChanged, workId, {
      workId,
      effectiveFrom: effectiveFrom.toISOString(),
      shares: sharesOf(holderIds),
      changedBy: holderIds[0] ?? randomUUID(),
    });
  }

  async disputeOpened(workId: string, partyIds: string[]): Promise<string> {
    const disputeId = randomUUID();
    await this.publish(WorkDisputeOpened, workId, {
      workId,
      disputeId,
      reason: 'conflicting claims',
      partyIds,
      openedAt: new Date().toISOString(),
    });
    return disputeId;
  }

  /** An opt-out as the opt-out service publishes it; returns its id. */
  async optOut(
    holderId: string,
    options: { workId?: string; useTypes?: UseType[]; effectiveFrom?: Date } = {},
  ): Promise<string> {
    const optOutId = randomUUID();
    await this.publish(
      OptOutRegistered,
      optOutId,
      {
        optOutId,
        holderId,
        scope: options.workId ? OptOutScope.WORK : OptOutScope.ALL_WORKS,
        workId: options.workId ?? null,
        useTypes: options.useTypes ?? [],
        effectiveFrom: (options.effectiveFrom ?? new Date()).toISOString(),
      },
      'opt-out',
    );
    return optOutId;
  }

  async optOutWithdrawn(optOutId: string, holderId: string): Promise<void> {
    await this.publish(
      OptOutWithdrawn,
      optOutId,
      { optOutId, holderId, withdrawnAt: new Date().toISOString() },
      'opt-out',
    );
  }

  /** An ECL scheme as authorization publishes it; returns its id. */
  async scheme(options: {
    societyId: string;
    category?: WorkCategory;
    rightType?: RightType;
    weights?: { useType: UseType; weight: number }[];
    currency?: string;
  }): Promise<string> {
    const schemeId = randomUUID();
    const weights = options.weights ?? [{ useType: UseType.STREAM, weight: 1 }];
    await this.publish(
      SchemeDefined,
      schemeId,
      {
        schemeId,
        revision: 1,
        societyId: options.societyId,
        category: options.category ?? WorkCategory.MUSIC,
        useTypes: weights.map((w) => w.useType),
        territories: ['JP'],
        rightType: options.rightType ?? RightType.PERFORMANCE,
        unitRateMinor: '2',
        currency: options.currency ?? 'JPY',
        coversUnidentified: true,
        weights,
        active: true,
      },
      'authorization',
    );
    return schemeId;
  }

  /** A license as authorization publishes it; returns its id. */
  async license(options: {
    platformId: string;
    schemeId: string;
    societyId: string;
    workId?: string | null;
    unidentifiedReference?: string | null;
    category?: WorkCategory;
    useType?: UseType;
    validFrom?: string;
    validTo?: string;
    feeMinor?: bigint;
    currency?: string;
  }): Promise<string> {
    const licenseId = randomUUID();
    await this.publish(
      LicenseGranted,
      licenseId,
      {
        licenseId,
        platformId: options.platformId,
        useRequestId: randomUUID(),
        workId: options.workId ?? null,
        unidentifiedReference: options.workId
          ? null
          : (options.unidentifiedReference ?? 'title:unknown'),
        decision: options.workId ? Decision.GRANTED_ECL : Decision.GRANTED_ECL_UNIDENTIFIED,
        schemeId: options.schemeId,
        societyId: options.societyId,
        category: options.category ?? WorkCategory.MUSIC,
        useType: options.useType ?? UseType.STREAM,
        territory: 'JP',
        validFrom: options.validFrom ?? '2026-01-01',
        validTo: options.validTo ?? '2027-01-01',
        expectedQuantity: 1000,
        fee: {
          amountMinor: String(options.feeMinor ?? 2000n),
          currency: options.currency ?? 'JPY',
        },
      },
      'authorization',
    );
    return licenseId;
  }

  async licenseRevoked(licenseId: string, platformId: string, revokedFrom: Date): Promise<void> {
    await this.publish(
      LicenseRevoked,
      licenseId,
      {
        licenseId,
        platformId,
        revokedFrom: revokedFrom.toISOString(),
        reason: 'opted out',
        optOutId: null,
      },
      'authorization',
    );
  }

  /**
   * Resolves once every consumer of the service has handled everything published so far. The
   * bound is generous: the first title with kanji loads the reading dictionary in the consumer.
   */
  async settled(timeoutMs = 60_000): Promise<void> {
    const messaging = this.app.get(Messaging);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { lag } = await messaging.status();
      const behind = Object.values(lag).some((topics) =>
        Object.values(topics).some((count) => count > 0),
      );
      if (!behind) return;
      if (Date.now() > deadline) throw new Error(`consumers still behind: ${JSON.stringify(lag)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async publish<P extends object>(
    definition: EventDefinition<P>,
    aggregateId: string,
    payload: P,
    producer = 'rights-registry',
  ): Promise<void> {
    const envelope = eventCatalog.envelope(producer, {
      definition,
      aggregateId,
      payload,
      correlationId: `test-${randomUUID()}`,
    });
    await this.transport.publish([{ topic: definition.topic, key: aggregateId, value: envelope }]);
  }
}

function sharesOf(holderIds: string[]) {
  const each = holderIds.length ? Math.floor(10_000 / holderIds.length) : 0;
  return holderIds.map((holderId) => ({
    holderId,
    rightType: RightType.PERFORMANCE,
    shareBps: each,
  }));
}
