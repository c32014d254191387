import type { EntityManager } from 'typeorm';
import type { PartyQueries } from '../../parties/application/party.queries.js';
import type { DisputeSides } from '../domain/dispute-permissions.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { DisputeEntity, DisputeStatus } from '../infrastructure/work.entities.js';
import type { WorkQueries } from './work.queries.js';

/**
 * The sides of a dispute as they stand now: the work's current holders and their societies
 * today; the claimant, the claimed holders and the opener, and their societies today.
 */
export async function disputeSides(
  manager: EntityManager,
  dispute: DisputeEntity,
  works: WorkQueries,
  parties: PartyQueries,
): Promise<DisputeSides> {
  const work = await works.byId(dispute.workId, manager);
  const holders = new Set(work?.shareHistory.holdersAt(new Date()) ?? []);
  const claimants = new Set([
    dispute.claimantId,
    dispute.openedBy,
    ...dispute.claimedShares.map((share) => share.holderId),
  ]);
  const views = await parties.byIds([...new Set([...holders, ...claimants])], manager);
  const societiesOf = (ids: Set<string>) =>
    new Set([...ids].flatMap((id) => views.get(id)?.societyIds ?? []));
  return {
    holders,
    holderSocieties: societiesOf(holders),
    claimants,
    claimantSocieties: societiesOf(claimants),
  };
}

/** The dispute, locked for the caller's transaction; refused when missing. */
export async function lockDispute(
  manager: EntityManager,
  disputeId: string,
): Promise<DisputeEntity> {
  const dispute = await manager.findOne(DisputeEntity, {
    where: { id: disputeId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!dispute) throw new WorkError(WorkErrorCode.WORK_NOT_FOUND, `dispute ${disputeId} not found`);
  return dispute;
}

/**
 * Refuses a dispute no longer open. Checked after the caller's right to act on it, so that a
 * caller who may not act learns nothing of its state.
 */
export function ensureOpen(dispute: DisputeEntity): void {
  if (dispute.status !== DisputeStatus.OPEN) {
    throw new WorkError(
      WorkErrorCode.DISPUTE_CLOSED,
      `dispute ${dispute.id} is already ${dispute.status === DisputeStatus.WITHDRAWN ? 'withdrawn' : 'resolved'}`,
    );
  }
}
