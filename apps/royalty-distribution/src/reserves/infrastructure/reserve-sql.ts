import { membersOfSql } from '../../shared/infrastructure/membership-sql.js';
import { LINE_TITLE } from '../../usage/infrastructure/usage-sql.js';
import {
  PUBLIC_RESERVE_REASONS,
  type ListScope,
  type ReserveScope,
} from '../../shared/domain/tenancy.js';

const S = 'royalty_distribution';

/**
 * A reserve (`r`) as a document: its batch's period, category and society, and its title: the
 * registry's for a work, else the title an unidentified work's usage lines named (or the
 * title of the license reference `title:<title>|creator:<creator>` it is keyed by).
 */
export const RESERVE_DOCUMENTS = `
  SELECT r.id, r.batch_id, r.work_key, r.holder_key, r.reason, r.amount::text AS amount,
         r.currency, r.status, r.release_after::text AS release_after,
         b.period_start::text AS period_start, b.period_end::text AS period_end, b.category,
         b.society_id, sp.name AS society_name,
         coalesce(
           w.title,
           (SELECT ${LINE_TITLE} FROM ${S}.usage_lines u
            WHERE u.unidentified_reference = r.work_key AND ${LINE_TITLE} IS NOT NULL
            ORDER BY u.report_id, u.line LIMIT 1),
           CASE WHEN r.work_key LIKE 'title:%'
                THEN split_part(substr(r.work_key, 7), '|creator:', 1) END
         ) AS title
  FROM ${S}.reserves r
  JOIN ${S}.distribution_batches b ON b.id = r.batch_id
  LEFT JOIN ${S}.rv_parties sp ON sp.id = b.society_id
  LEFT JOIN ${S}.rv_works w
    ON w.id = CASE WHEN r.work_key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   THEN r.work_key::uuid END`;

export interface ReserveDocumentRow {
  id: string;
  batch_id: string;
  work_key: string;
  holder_key: string;
  reason: string;
  amount: string;
  currency: string;
  status: string;
  release_after: string;
  period_start: string;
  period_end: string;
  category: string;
  society_id: string;
  society_name: string | null;
  title: string | null;
}

/**
 * SQL of `mayReadReserve` for lists (over reserves `r`): the public reasons to anyone; held
 * money to its holder, to an admin of its society or of the batch's society; all to the operator.
 */
export function reserveVisibleSql(
  scope: ReserveScope,
  param: (value: unknown) => string,
  today: string,
): string {
  if (scope.everything) return 'true';
  const visible = [`r.reason = ANY (${param(PUBLIC_RESERVE_REASONS)}::text[])`];
  if (scope.heldForHolder) visible.push(`r.holder_key = ${param(scope.heldForHolder)}`);
  if (scope.ofSociety) {
    const society = `${param(scope.ofSociety)}::uuid`;
    visible.push(
      `r.batch_id IN (SELECT id FROM ${S}.distribution_batches WHERE society_id = ${society})`,
      `r.holder_key IN (${membersOfSql(society, param(today))})`,
    );
  }
  return `(${visible.join(' OR ')})`;
}

/**
 * SQL of `mayReadClaim` for lists (over claims `cl` and the batch `b` of its reserve): whoever
 * acts for the claiming holder, and whoever runs the batch.
 */
export function claimVisibleSql(
  scope: ListScope,
  param: (value: unknown) => string,
  today: string,
): string {
  if (scope.everything) return 'true';
  const visible: string[] = [];
  if (scope.ofHolder) visible.push(`cl.holder_id = ${param(scope.ofHolder)}::uuid`);
  if (scope.ofSociety) {
    const society = `${param(scope.ofSociety)}::uuid`;
    visible.push(
      `b.society_id = ${society}`,
      `cl.holder_id::text IN (${membersOfSql(society, param(today))})`,
    );
  }
  return visible.length === 0 ? 'false' : `(${visible.join(' OR ')})`;
}
