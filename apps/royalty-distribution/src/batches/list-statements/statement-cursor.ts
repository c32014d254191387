import { apiError } from '#libs/auth';
import { isUuid } from '#libs/contracts';
import type { StatementKey } from './list-statements.handler.js';

/** An opaque cursor for a statement's place in the list (its batch and holder). */
export const statementCursor = (key: StatementKey): string =>
  Buffer.from(`${key.batchId}/${key.holderId}`).toString('base64url');

/** The place a cursor of statementCursor stands for; anything else is BAD_USER_INPUT. */
export function statementKeyOf(cursor: string): StatementKey {
  const [batchId = '', holderId = '', ...rest] = /^[A-Za-z0-9_-]+$/.test(cursor)
    ? Buffer.from(cursor, 'base64url').toString('utf8').split('/')
    : [];
  if (!isUuid(batchId) || !isUuid(holderId) || rest.length > 0)
    throw apiError('BAD_USER_INPUT', 'after: the cursor is not valid');
  return { batchId, holderId };
}
