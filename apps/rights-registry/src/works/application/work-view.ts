import type { IdentifierScheme, WorkCategory } from '#libs/contracts';
import type { ShareHistory } from '../domain/share-history.js';

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
  reason: string;
  claimantId: string;
  openedBy: string;
  openedAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** How many disputes one party opened since a time: what the operator watches for abuse. */
export interface DisputeOpenerView {
  openerId: string;
  opened: number;
  stillOpen: number;
  withdrawn: number;
  lastOpenedAt: Date;
}
