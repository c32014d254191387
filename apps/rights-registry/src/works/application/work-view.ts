import type { IdentifierScheme, RightType, WorkCategory } from '#libs/contracts';
import type { ShareHistory } from '../domain/share-history.js';
import type { DisputeEntity, DisputeStatus } from '../infrastructure/work.entities.js';

export interface WorkView {
  id: string;
  title: string;
  category: WorkCategory;
  creatorNames: string[];
  alternativeTitles: { title: string; language: string | null }[];
  identifiers: { scheme: IdentifierScheme; value: string }[];
  shareHistory: ShareHistory;
  openDisputes: DisputeView[];
  createdAt: Date;
}

export interface DisputeView {
  id: string;
  workId: string;
  status: DisputeStatus;
  reason: string;
  claimantId: string;
  openedBy: string;
  openedAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  /** The shares the claimant asked for. */
  claimedShares: { holderId: string; rightType: RightType; shareBps: number }[];
  resolvedAt: Date | null;
  resolution: string | null;
}

/** A dispute as the API shows it. */
export function disputeViewOf(dispute: DisputeEntity): DisputeView {
  return {
    id: dispute.id,
    workId: dispute.workId,
    status: dispute.status,
    reason: dispute.reason,
    claimantId: dispute.claimantId,
    openedBy: dispute.openedBy,
    openedAt: dispute.openedAt,
    answer: dispute.answer,
    answeredBy: dispute.answeredBy,
    answeredAt: dispute.answeredAt,
    claimedShares: dispute.claimedShares,
    resolvedAt: dispute.resolvedAt,
    resolution: dispute.resolution,
  };
}

/** How many disputes one party opened since a time: what the operator watches for abuse. */
export interface DisputeOpenerView {
  openerId: string;
  opened: number;
  stillOpen: number;
  withdrawn: number;
  lastOpenedAt: Date;
}
