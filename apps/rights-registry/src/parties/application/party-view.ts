import type { PartyKind } from '#libs/contracts';

/** A party as use cases return it. */
export interface PartyView {
  id: string;
  kind: PartyKind;
  name: string;
  ipiNameNumber: string | null;
  country: string | null;
  /** Member of a society today. */
  isMember: boolean;
  /** Societies the party belongs to today. */
  societyIds: string[];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
