/** The new opt-out form's choices, checked before anything is sent. */
export interface OptOutDraft {
  scope: 'WORK' | 'ALL_WORKS';
  workId: string;
  allUses: boolean;
  useTypes: string[];
  fromNow: boolean;
  /** YYYY-MM-DD, for a later start. */
  date: string;
}

export type DraftError = 'errorWork' | 'errorUses' | 'errorDate';

/** Today as the browser's calendar has it (YYYY-MM-DD). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What is missing or wrong, by field id; empty when the draft may be sent. */
export function draftErrors(
  draft: OptOutDraft,
  today: string,
): { field: string; error: DraftError }[] {
  const errors: { field: string; error: DraftError }[] = [];
  if (draft.scope === 'WORK' && !draft.workId) errors.push({ field: 'work', error: 'errorWork' });
  if (!draft.allUses && draft.useTypes.length === 0)
    errors.push({ field: 'use-STREAM', error: 'errorUses' });
  if (!draft.fromNow && !(/^\d{4}-\d{2}-\d{2}$/.test(draft.date) && draft.date >= today))
    errors.push({ field: 'date', error: 'errorDate' });
  return errors;
}

/** The start as an instant: now (omitted), or the start of the chosen day where the person is. */
export function effectiveFromOf(draft: OptOutDraft): string | undefined {
  if (draft.fromNow) return undefined;
  const [year, month, day] = draft.date.split('-').map(Number) as [number, number, number];
  const start = new Date(year, month - 1, day);
  // A start of today that has passed already means "now" (the API refuses instants in the past).
  return start.getTime() <= Date.now() ? undefined : start.toISOString();
}

/** Where an opt-out stands: in force, starting later, or withdrawn. */
export function standingOf(optOut: {
  inForce: boolean;
  withdrawnAt?: string | null;
}): 'inForce' | 'notYet' | 'withdrawn' {
  if (optOut.withdrawnAt) return 'withdrawn';
  return optOut.inForce ? 'inForce' : 'notYet';
}
