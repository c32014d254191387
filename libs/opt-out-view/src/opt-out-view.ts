import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  OptOutRegistered,
  OptOutWithdrawn,
  type EventEnvelope,
  type OptOutRegisteredV1,
  type OptOutScope,
  type OptOutTerms,
  type UseType,
} from '#libs/contracts';
import { quoteIdent } from '#libs/database';
import { handlerFor, type EventHandler } from '#libs/messaging';

/** The opt-out view's table in a consuming service's schema, created by its migrations. */
export async function createOptOutViewTable(queryRunner: QueryRunner, schema: string) {
  const s = quoteIdent(schema);
  await queryRunner.query(`
    CREATE TABLE ${s}."ov_opt_outs" (
      "id" uuid PRIMARY KEY,
      "holder_id" uuid NOT NULL,
      "scope" text NOT NULL,
      "work_id" uuid,
      "use_types" text[] NOT NULL,
      "effective_from" timestamptz NOT NULL,
      "withdrawn_at" timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX "ov_opt_outs_holder" ON ${s}."ov_opt_outs" ("holder_id")`);
}

export async function dropOptOutViewTable(queryRunner: QueryRunner, schema: string) {
  await queryRunner.query(`DROP TABLE ${quoteIdent(schema)}."ov_opt_outs"`);
}

/**
 * Handlers keeping the opt-out view in `schema` from optout.* events. `onRegistered` runs in
 * the same transaction for an opt-out seen for the first time (e.g. to revoke licenses).
 */
export function optOutViewHandlers(
  schema: string,
  onRegistered?: (
    optOut: OptOutTerms,
    manager: EntityManager,
    event: EventEnvelope<OptOutRegisteredV1>,
  ) => Promise<void>,
): EventHandler[] {
  const s = quoteIdent(schema);
  return [
    handlerFor(OptOutRegistered, async (event, manager) => {
      const { payload } = event;
      const optOut: OptOutTerms = {
        id: payload.optOutId,
        holderId: payload.holderId,
        scope: payload.scope,
        workId: payload.workId,
        useTypes: payload.useTypes,
        effectiveFrom: new Date(payload.effectiveFrom),
        withdrawnAt: null,
      };
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO ${s}."ov_opt_outs"
           ("id", "holder_id", "scope", "work_id", "use_types", "effective_from")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("id") DO NOTHING RETURNING 1`,
        [
          optOut.id,
          optOut.holderId,
          optOut.scope,
          optOut.workId,
          optOut.useTypes,
          optOut.effectiveFrom,
        ],
      );
      if (inserted.length && onRegistered) await onRegistered(optOut, manager, event);
    }),
    handlerFor(OptOutWithdrawn, async ({ payload }, manager) => {
      await manager.query(`UPDATE ${s}."ov_opt_outs" SET "withdrawn_at" = $2 WHERE "id" = $1`, [
        payload.optOutId,
        payload.withdrawnAt,
      ]);
    }),
  ];
}

/** Reads of the opt-out view kept in `schema`. */
export class OptOutView {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.s = quoteIdent(schema);
  }

  /** Opt-outs (withdrawn ones included) of these holders. */
  async ofHolders(holderIds: readonly string[], manager?: EntityManager): Promise<OptOutTerms[]> {
    if (holderIds.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager).query<
      {
        id: string;
        holder_id: string;
        scope: OptOutScope;
        work_id: string | null;
        use_types: UseType[];
        effective_from: Date;
        withdrawn_at: Date | null;
      }[]
    >(
      `SELECT "id", "holder_id", "scope", "work_id", "use_types", "effective_from", "withdrawn_at"
       FROM ${this.s}."ov_opt_outs" WHERE "holder_id" = ANY($1::uuid[])`,
      [[...new Set(holderIds)]],
    );
    return rows.map((row) => ({
      id: row.id,
      holderId: row.holder_id,
      scope: row.scope,
      workId: row.work_id,
      useTypes: row.use_types,
      effectiveFrom: new Date(row.effective_from),
      withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
    }));
  }
}
