import type { EntityManager } from 'typeorm';
import {
  PartyMembershipChanged,
  PartyRegistered,
  PartyUpdated,
  WorkDisputeOpened,
  WorkDisputeResolved,
  WorkRegistered,
  WorkSharesChanged,
  WorkUpdated,
  normalizeTitle,
  type EventEnvelope,
  type ShareDto,
  type WorkRegisteredV1,
} from '#libs/contracts';
import { quoteIdent } from '#libs/database';
import { handlerFor, type EventHandler } from '#libs/messaging';
import { registryViewMatchKeys } from './tables.js';

/**
 * Handlers that keep the registry view in `schema` from registry events. Every write is an
 * upsert or a no-op on repeat, so a replayed event changes nothing. Register them under one
 * consumer name (e.g. `authorization.registry-view`).
 */
export function registryViewHandlers(
  schema: string,
  { titleSearch = false }: { titleSearch?: boolean } = {},
): EventHandler[] {
  const s = quoteIdent(schema);
  const matchKeys = titleSearch ? registryViewMatchKeys(schema) : undefined;

  async function addShareVersions(
    manager: EntityManager,
    versions: { workId: string; effectiveFrom: string; shares: readonly ShareDto[] }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${s}."rv_share_versions" ("work_id", "effective_from")
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
      [versions.map((v) => v.workId), versions.map((v) => v.effectiveFrom)],
    );
    const shares = versions.flatMap((v) =>
      v.shares.map((share) => ({ ...share, workId: v.workId, effectiveFrom: v.effectiveFrom })),
    );
    if (shares.length === 0) return;
    await manager.query(
      `INSERT INTO ${s}."rv_shares" ("work_id", "effective_from", "holder_id", "right_type", "share_bps")
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::text[], $5::int[])
       ON CONFLICT DO NOTHING`,
      [
        shares.map((x) => x.workId),
        shares.map((x) => x.effectiveFrom),
        shares.map((x) => x.holderId),
        shares.map((x) => x.rightType),
        shares.map((x) => x.shareBps),
      ],
    );
  }

  async function registerWorks(
    events: EventEnvelope<WorkRegisteredV1>[],
    manager: EntityManager,
  ): Promise<void> {
    const works = events.map((event) => event.payload);
    await manager.query(
      `INSERT INTO ${s}."rv_works" ("id", "title", "normalized_title", "category", "creator_names", "normalized_creators")
       SELECT w.id, w.title, w.normalized_title, w.category,
              ARRAY(SELECT jsonb_array_elements_text(w.creator_names)), w.normalized_creators
       FROM jsonb_to_recordset($1::jsonb) AS w(id uuid, title text, normalized_title text,
         category text, creator_names jsonb, normalized_creators text)
       ON CONFLICT ("id") DO NOTHING`,
      [
        JSON.stringify(
          works.map((work) => ({
            id: work.workId,
            title: work.title,
            normalized_title: normalizeTitle(work.title),
            category: work.category,
            creator_names: work.creatorNames,
            normalized_creators: normalizeTitle(work.creatorNames.join(' ')),
          })),
        ),
      ],
    );
    // A replayed event finds its work's keys and writes them again, the same.
    await matchKeys?.replace(
      manager,
      works.map((work) => ({
        workId: work.workId,
        category: work.category,
        titles: [work.title, ...(work.alternativeTitles ?? [])],
        creators: work.creatorNames,
      })),
    );
    const identifiers = works.flatMap((work) =>
      work.identifiers.map((identifier) => ({ ...identifier, workId: work.workId })),
    );
    if (identifiers.length) {
      await manager.query(
        `INSERT INTO ${s}."rv_work_identifiers" ("scheme", "value", "work_id")
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING`,
        [
          identifiers.map((i) => i.scheme),
          identifiers.map((i) => i.value),
          identifiers.map((i) => i.workId),
        ],
      );
    }
    await addShareVersions(
      manager,
      works.map((work) => ({
        workId: work.workId,
        effectiveFrom: work.sharesEffectiveFrom,
        shares: work.shares,
      })),
    );
  }

  return [
    handlerFor(PartyRegistered, async ({ payload }, manager) => {
      await manager.query(
        `INSERT INTO ${s}."rv_parties" ("id", "kind", "name") VALUES ($1, $2, $3)
         ON CONFLICT ("id") DO NOTHING`,
        [payload.partyId, payload.kind, payload.name],
      );
    }),
    handlerFor(PartyUpdated, async ({ payload }, manager) => {
      await manager.query(`UPDATE ${s}."rv_parties" SET "name" = $2 WHERE "id" = $1`, [
        payload.partyId,
        payload.name,
      ]);
    }),
    handlerFor(PartyMembershipChanged, async ({ payload }, manager) => {
      await manager.query(
        `INSERT INTO ${s}."rv_memberships" ("party_id", "society_id", "member_from", "member_to")
         VALUES ($1, $2, $3, $4)
         ON CONFLICT ("party_id", "society_id", "member_from")
         DO UPDATE SET "member_to" = excluded."member_to"`,
        [payload.partyId, payload.societyId, payload.memberFrom, payload.memberTo],
      );
    }),
    handlerFor(
      WorkRegistered,
      (event, manager) => registerWorks([event], manager),
      (events, manager) => registerWorks(events, manager),
    ),
    handlerFor(WorkSharesChanged, async ({ payload }, manager) => {
      await addShareVersions(manager, [payload]);
    }),
    handlerFor(WorkUpdated, async ({ payload }, manager) => {
      await manager.query(
        `UPDATE ${s}."rv_works" SET "title" = $2, "normalized_title" = $3,
           "creator_names" = $4, "normalized_creators" = $5 WHERE "id" = $1`,
        [
          payload.workId,
          payload.title,
          normalizeTitle(payload.title),
          payload.creatorNames,
          normalizeTitle(payload.creatorNames.join(' ')),
        ],
      );
      if (matchKeys) {
        const [work] = await manager.query<{ category: string }[]>(
          `SELECT "category" FROM ${s}."rv_works" WHERE "id" = $1`,
          [payload.workId],
        );
        if (work) {
          await matchKeys.replace(manager, [
            {
              workId: payload.workId,
              category: work.category,
              titles: [payload.title, ...payload.alternativeTitles],
              creators: payload.creatorNames,
            },
          ]);
        }
      }
      await manager.query(`DELETE FROM ${s}."rv_work_identifiers" WHERE "work_id" = $1`, [
        payload.workId,
      ]);
      await manager.query(
        `INSERT INTO ${s}."rv_work_identifiers" ("scheme", "value", "work_id")
         SELECT scheme, value, $3 FROM unnest($1::text[], $2::text[]) AS i(scheme, value)
         ON CONFLICT DO NOTHING`,
        [
          payload.identifiers.map((i) => i.scheme),
          payload.identifiers.map((i) => i.value),
          payload.workId,
        ],
      );
    }),
    handlerFor(WorkDisputeOpened, async ({ payload }, manager) => {
      await manager.query(
        `INSERT INTO ${s}."rv_disputes" ("id", "work_id", "opened_at") VALUES ($1, $2, $3)
         ON CONFLICT ("id") DO NOTHING`,
        [payload.disputeId, payload.workId, payload.openedAt],
      );
    }),
    handlerFor(WorkDisputeResolved, async ({ payload }, manager) => {
      await manager.query(`UPDATE ${s}."rv_disputes" SET "resolved_at" = $2 WHERE "id" = $1`, [
        payload.disputeId,
        payload.resolvedAt,
      ]);
    }),
  ];
}
