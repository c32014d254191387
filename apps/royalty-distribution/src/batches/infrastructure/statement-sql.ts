import { membersOfSql } from '../../shared/infrastructure/membership-sql.js';
import {
  PUBLISHED_STATEMENT_STATUSES,
  RUN_STATEMENT_STATUSES,
  type ListScope,
} from '../../shared/domain/tenancy.js';

const S = 'royalty_distribution';

/** A holder key that is a party (not UNCLAIMED or UNIDENTIFIED). */
const PARTY_KEY = `c.holder_key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-'`;

/**
 * One row per statement (batch, holder with money in it) that `where` keeps (over batch_cells
 * `c` and distribution_batches `b`): the holder's money by what became of it, and the part of
 * its held money whose claim was approved (the NON_MEMBER reserve, CLAIMED).
 */
export const statementRowsSql = (where: string): string => `
  SELECT c.batch_id, c.holder_key AS holder_id, b.currency,
         coalesce(sum(c.amount) FILTER (WHERE c.status = 'PAYABLE'), 0)::text AS payable,
         coalesce(sum(c.amount) FILTER (WHERE c.status = 'HELD'), 0)::text AS held,
         coalesce(sum(c.amount) FILTER (WHERE c.status = 'RESERVED'), 0)::text AS reserved,
         (SELECT coalesce(sum(r.amount), 0) FROM ${S}.reserves r
          WHERE r.batch_id = c.batch_id AND r.holder_key = c.holder_key
            AND r.reason = 'NON_MEMBER' AND r.status = 'CLAIMED')::text AS claimed
  FROM ${S}.batch_cells c JOIN ${S}.distribution_batches b ON b.id = c.batch_id
  WHERE c.amount > 0 AND ${PARTY_KEY} AND ${where}
  GROUP BY c.batch_id, c.holder_key, b.currency`;

/**
 * A page of the statements of batch $1, by holder: holders after $2 (text; '' for the first
 * page), at most $3 of them.
 */
export const BATCH_STATEMENTS_PAGE = `${statementRowsSql('c.batch_id = $1 AND c.holder_key > $2')}
  ORDER BY c.holder_key LIMIT $3`;

export interface StatementRow {
  batch_id: string;
  holder_id: string;
  currency: string;
  payable: string;
  held: string;
  reserved: string;
  claimed: string;
}

/** Parties' names and the use types of statements, for reading them as documents. */
export const PARTY_NAMES = `SELECT id, name FROM ${S}.rv_parties WHERE id = ANY ($1::uuid[])`;

export const STATEMENT_USE_TYPES = `
  SELECT u.batch_id, u.holder_key AS holder_id, array_agg(DISTINCT u.use_type ORDER BY u.use_type) AS use_types
  FROM ${S}.batch_cell_uses u
  JOIN unnest($1::uuid[], $2::text[]) AS k(batch_id, holder_id)
    ON u.batch_id = k.batch_id AND u.holder_key = k.holder_id
  GROUP BY u.batch_id, u.holder_key`;

/**
 * SQL of `mayReadStatement` for lists (over batch_cells `c` and distribution_batches `b`):
 * whoever runs the batch once calculated, whoever acts for the holder once approved.
 * `param` adds a query parameter and answers its placeholder.
 */
export function statementVisibleSql(
  scope: ListScope,
  param: (value: unknown) => string,
  today: string,
): string {
  const run = `b.status = ANY (${param(RUN_STATEMENT_STATUSES)}::text[])`;
  const published = `b.status = ANY (${param(PUBLISHED_STATEMENT_STATUSES)}::text[])`;
  if (scope.everything) return `(${run} OR ${published})`;
  const runs = scope.ofSociety ? `b.society_id = ${param(scope.ofSociety)}::uuid` : 'false';
  const actsFor =
    [
      scope.ofHolder ? `c.holder_key = ${param(scope.ofHolder)}` : null,
      scope.ofSociety
        ? `c.holder_key IN (${membersOfSql(`${param(scope.ofSociety)}::uuid`, param(today))})`
        : null,
    ]
      .filter(Boolean)
      .join(' OR ') || 'false';
  return `((${run} AND ${runs}) OR (${published} AND (${actsFor})))`;
}
