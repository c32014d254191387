import { moneyOf } from '#libs/runtime';
import type { WorkCategory } from '#libs/contracts';
import { workReference } from '../../shared/graphql/work-reference.js';
import type { ReserveDocumentRow } from '../infrastructure/reserve-sql.js';
import type { ClaimEntity, ReserveStatus } from '../infrastructure/reserve.entities.js';
import type { Claim, Reserve } from './reserve.types.js';

export const claimView = (claim: ClaimEntity): Claim => ({
  ...claim,
  holder: { id: claim.holderId },
});

export const reserveView = (row: ReserveDocumentRow): Reserve => ({
  id: row.id,
  batchId: row.batch_id,
  workKey: row.work_key,
  work: workReference(row.work_key),
  reason: row.reason,
  amount: moneyOf(BigInt(row.amount), row.currency),
  status: row.status as ReserveStatus,
  releaseAfter: row.release_after,
  title: row.title,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  category: row.category as WorkCategory,
  society: { id: row.society_id },
  societyName: row.society_name,
});
