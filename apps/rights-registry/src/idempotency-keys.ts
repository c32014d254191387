import type { EntityManager } from 'typeorm';
import type { Caller } from '#libs/auth';
import { IdempotencyKeyReusedError, idempotent } from '#libs/database';

/**
 * Runs `work` once per idempotency key of the caller, in the caller's transaction, and returns
 * the id it produced (the first run's id for a repeat). Without a key, it just runs.
 */
export async function oncePerKey(
  manager: EntityManager,
  caller: Caller,
  request: { key: string | undefined; operation: string; body: unknown },
  work: () => Promise<string>,
  reused: (message: string) => Error,
): Promise<string> {
  if (!request.key) return work();
  try {
    const scope = {
      callerId: caller.partyId,
      key: request.key,
      operation: request.operation,
      request: request.body,
    };
    return (await idempotent(manager, 'rights_registry', scope, work)).resultId;
  } catch (error) {
    throw error instanceof IdempotencyKeyReusedError ? reused(error.message) : error;
  }
}
