import { createHash } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { quoteIdent } from './run-migrations.js';

/** A retried request: the key a client sent again, within one caller's keys. */
export interface IdempotencyScope {
  callerId: string;
  key: string;
  /** Operation name, e.g. `registerWork`: a key belongs to one operation. */
  operation: string;
  /** The request itself; a key reused for a different request is refused. */
  request: unknown;
}

/** A key reused with another operation or another request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(key: string) {
    super(`idempotency key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

export async function createIdempotencyTable(
  queryRunner: QueryRunner,
  schema: string,
): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE ${quoteIdent(schema)}."idempotency_keys" (
      "caller_id" uuid NOT NULL,
      "key" text NOT NULL,
      "operation" text NOT NULL,
      "fingerprint" text NOT NULL,
      "result_id" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("caller_id", "key")
    )`);
}

/**
 * Runs `work` once per (caller, key), in the caller's transaction, and returns the id of what it
 * produced. A repeat returns the first result. A concurrent repeat waits for the first
 * transaction's key row, then returns its result (or runs itself if the first rolled back).
 */
export async function idempotent(
  manager: EntityManager,
  schema: string,
  scope: IdempotencyScope,
  work: () => Promise<string>,
): Promise<{ resultId: string; replayed: boolean }> {
  const table = `${quoteIdent(schema)}."idempotency_keys"`;
  const fingerprint = createHash('sha256').update(JSON.stringify(scope.request)).digest('hex');
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO ${table} ("caller_id", "key", "operation", "fingerprint") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("caller_id", "key") DO NOTHING RETURNING 1`,
    [scope.callerId, scope.key, scope.operation, fingerprint],
  );
  if (inserted.length === 0) {
    const [stored] = await manager.query<
      { operation: string; fingerprint: string; result_id: string }[]
    >(
      `SELECT "operation", "fingerprint", "result_id" FROM ${table} WHERE "caller_id" = $1 AND "key" = $2`,
      [scope.callerId, scope.key],
    );
    if (!stored || stored.operation !== scope.operation || stored.fingerprint !== fingerprint) {
      throw new IdempotencyKeyReusedError(scope.key);
    }
    return { resultId: stored.result_id, replayed: true };
  }
  const resultId = await work();
  await manager.query(
    `UPDATE ${table} SET "result_id" = $3 WHERE "caller_id" = $1 AND "key" = $2`,
    [scope.callerId, scope.key, resultId],
  );
  return { resultId, replayed: false };
}

/**
 * `idempotent` for a use case: runs `work` once per idempotency key of the caller (or just runs
 * it when there is no key) and returns the id it produced; a key reused for another request
 * becomes the use case's own error, made by `reused`.
 */
export async function oncePerKey(
  manager: EntityManager,
  schema: string,
  request: { callerId: string; key: string | undefined; operation: string; body: unknown },
  work: () => Promise<string>,
  reused: (message: string) => Error,
): Promise<string> {
  if (!request.key) return work();
  try {
    const scope = {
      callerId: request.callerId,
      key: request.key,
      operation: request.operation,
      request: request.body,
    };
    return (await idempotent(manager, schema, scope, work)).resultId;
  } catch (error) {
    throw error instanceof IdempotencyKeyReusedError ? reused(error.message) : error;
  }
}
