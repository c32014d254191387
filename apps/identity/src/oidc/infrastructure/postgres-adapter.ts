import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { DataSource } from 'typeorm';

const TABLE = '"identity"."oidc_records"';

/** The columns the adapter reads back; the payload and whether (and when) it was consumed. */
interface StoredRow {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

/**
 * oidc-provider's storage in PostgreSQL: every model in one table keyed by (model, id), the
 * payload as jsonb, with the lookups the provider needs (grant, user code, session uid). An
 * expired record is never returned, and `deleteExpired` removes it.
 */
export class PostgresAdapter implements Adapter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly model: string,
  ) {}

  /** An adapter factory for the provider's `adapter` option. */
  static factory(dataSource: DataSource): (model: string) => Adapter {
    return (model) => new PostgresAdapter(dataSource, model);
  }

  /** Deletes the records whose time has passed; returns how many. */
  static async deleteExpired(dataSource: DataSource): Promise<number> {
    const [, count] = await dataSource.query<[unknown, number]>(
      `DELETE FROM ${TABLE} WHERE "expires_at" <= now()`,
    );
    return count;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${TABLE} ("model", "id", "payload", "expires_at", "grant_id", "user_code", "uid")
       VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(secs => $4::int) END, $5, $6, $7)
       ON CONFLICT ("model", "id") DO UPDATE SET
         "payload" = EXCLUDED."payload", "expires_at" = EXCLUDED."expires_at",
         "grant_id" = EXCLUDED."grant_id", "user_code" = EXCLUDED."user_code",
         "uid" = EXCLUDED."uid", "consumed_at" = NULL`,
      [
        this.model,
        id,
        payload,
        typeof expiresIn === 'number' ? Math.ceil(expiresIn) : null,
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
      ],
    );
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('"id" = $2', id);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('"user_code" = $2', userCode);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('"uid" = $2', uid);
  }

  async consume(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${TABLE} SET "consumed_at" = now() WHERE "model" = $1 AND "id" = $2`,
      [this.model, id],
    );
  }

  async destroy(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE "model" = $1 AND "id" = $2`, [
      this.model,
      id,
    ]);
  }

  /** Every token and code of the grant goes, whatever its model (the provider asks per model). */
  async revokeByGrantId(grantId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${TABLE} WHERE "grant_id" = $1`, [grantId]);
  }

  private async findWhere(condition: string, value: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.dataSource.query<StoredRow[]>(
      `SELECT "payload", "consumed_at" FROM ${TABLE}
        WHERE "model" = $1 AND ${condition} AND ("expires_at" IS NULL OR "expires_at" > now())
        LIMIT 1`,
      [this.model, value],
    );
    if (!row) return undefined;
    return row.consumed_at
      ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) }
      : row.payload;
  }
}
