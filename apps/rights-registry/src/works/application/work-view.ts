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
  openDisputes: { id: string; reason: string; claimantId: string; openedAt: Date }[];
  createdAt: Date;
}
