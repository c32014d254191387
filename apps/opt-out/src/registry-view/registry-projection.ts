import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PartyMembershipChanged,
  PartyRegistered,
  WorkRegistered,
  WorkSharesChanged,
  WorkUpdated,
} from '#libs/contracts';
import { Messaging, handlerFor } from '#libs/messaging';

/** Consumer (group and inbox) name of the registry view. */
export const REGISTRY_VIEW_CONSUMER = 'opt-out.registry-view';

/**
 * Keeps the registry view from registry events, so the opt-out service answers "is this work
 * opted out" without calling the registry. Every write is an upsert: a replayed event changes
 * nothing.
 */
@Injectable()
export class RegistryProjection implements OnModuleInit {
  constructor(private readonly messaging: Messaging) {}

  onModuleInit(): void {
    this.messaging.register(REGISTRY_VIEW_CONSUMER, [
      handlerFor(PartyRegistered, async ({ payload }, manager) => {
        await manager.query(
          `INSERT INTO opt_out.parties (id, kind) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`,
          [payload.partyId, payload.kind],
        );
      }),
      handlerFor(PartyMembershipChanged, async ({ payload }, manager) => {
        await manager.query(
          `INSERT INTO opt_out.memberships (party_id, society_id, member_from, member_to)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (party_id, society_id, member_from) DO UPDATE SET member_to = excluded.member_to`,
          [payload.partyId, payload.societyId, payload.memberFrom, payload.memberTo],
        );
      }),
      handlerFor(WorkRegistered, async ({ payload }, manager) => {
        await manager.query(
          `INSERT INTO opt_out.works (id, title, category) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO NOTHING`,
          [payload.workId, payload.title, payload.category],
        );
        await addShareVersion(
          manager,
          payload.workId,
          payload.sharesEffectiveFrom,
          payload.shares.map((share) => share.holderId),
        );
      }),
      handlerFor(WorkSharesChanged, async ({ payload }, manager) => {
        await addShareVersion(
          manager,
          payload.workId,
          payload.effectiveFrom,
          payload.shares.map((share) => share.holderId),
        );
      }),
      handlerFor(WorkUpdated, async ({ payload }, manager) => {
        await manager.query(`UPDATE opt_out.works SET title = $2 WHERE id = $1`, [
          payload.workId,
          payload.title,
        ]);
      }),
    ]);
  }
}

async function addShareVersion(
  manager: EntityManager,
  workId: string,
  effectiveFrom: string,
  holderIds: string[],
): Promise<void> {
  await manager.query(
    `INSERT INTO opt_out.share_versions (work_id, effective_from) VALUES ($1, $2)
     ON CONFLICT DO NOTHING`,
    [workId, effectiveFrom],
  );
  await manager.query(
    `INSERT INTO opt_out.share_holders (work_id, effective_from, holder_id)
     SELECT $1, $2, holder FROM unnest($3::uuid[]) AS holder
     ON CONFLICT DO NOTHING`,
    [workId, effectiveFrom, [...new Set(holderIds)]],
  );
}
