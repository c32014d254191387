import type { EntityManager } from 'typeorm';
import type { PartyQueries } from '../../parties/application/party.queries.js';
import type { DisputeSides } from '../domain/dispute-permissions.js';
import { WorkError, WorkErrorCode } from '../domain/work.errors.js';
import { DisputeEntity, DisputeStatus, WorkEntity } from '../infrastructure/work.entities.js';
import type { WorkQueries } from './work.queries.js';

/**
 * The sides of a dispute. The holders' side: the work's current holders and their societies
 * today. The claimant's side: the claimant, the party that opened the dispute and the claimed
 * holders that hold no share in the work now (a current holder named in the claim stays on the
 * holders' side: the claimant does not choose who is with it), and every society any of them
 * belonged to from the day the dispute opened on (ending a membership after the claim does not
 * move a society off the claimant's side).
 */
export async function disputeSides(
  manager: EntityManager,
  dispute: Pick<DisputeEntity, 'workId' | 'claimantId' | 'openedBy' | 'claimedShares' | 'openedAt'>,
  works: WorkQueries,
  parties: PartyQueries,
): Promise<DisputeSides> {
  const work = await works.byId(dispute.workId, manager);
  const holders = new Set(work?.shareHistory.holdersAt(new Date()) ?? []);
  const claimants = new Set([
    dispute.claimantId,
    dispute.openedBy,
    ...dispute.claimedShares.map((share) => share.holderId).filter((id) => !holders.has(id)),
  ]);
  const views = await parties.byIds([...holders], manager);
  const openedOn = dispute.openedAt.toISOString().slice(0, 10);
  return {
    holders,
    holderSocieties: new Set([...holders].flatMap((id) => views.get(id)?.societyIds ?? [])),
    claimants,
    claimantSocieties: await parties.societiesSince([...claimants], openedOn, manager),
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
 * The dispute and its work, locked for the caller's transaction in the order share changes take
 * them (the work first), so that no share change lands while the dispute is settled; refused
 * when missing.
 */
export async function lockWorkAndDispute(
  manager: EntityManager,
  disputeId: string,
): Promise<DisputeEntity> {
  const found = await manager.findOne(DisputeEntity, {
    where: { id: disputeId },
    select: { id: true, workId: true },
  });
  if (!found) throw new WorkError(WorkErrorCode.WORK_NOT_FOUND, `dispute ${disputeId} not found`);
  await manager.findOne(WorkEntity, {
    where: { id: found.workId },
    lock: { mode: 'pessimistic_write' },
  });
  return lockDispute(manager, disputeId);
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
