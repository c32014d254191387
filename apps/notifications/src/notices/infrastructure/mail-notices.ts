import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MailNoticeKind } from '../domain/mail-notice-kinds.js';

/** The channel the notice sender listens on; a commit that adds notices notifies it. */
export const MAIL_NOTICES_CHANNEL = 'notifications_mail_notices';

export interface NewMailNotice {
  /** The party whose people are told. */
  partyId: string;
  kind: MailNoticeKind;
  /** What the identity app writes in the mail (its contract per kind, ADR 38). */
  params: Record<string, unknown>;
  /** The event (or the fact, e.g. an endpoint's disabling) it tells about: one notice per source, party and kind. */
  sourceId: string;
}

/** The mail notices waiting for the identity app, written in the caller's transaction. */
export const MailNotices = {
  /**
   * Adds a PENDING notice, due now, and wakes the sender at commit. Returns its id, or
   * undefined when the same source had made it already (a repeat has no second effect).
   */
  async add(manager: EntityManager, notice: NewMailNotice): Promise<string | undefined> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO "notifications"."mail_notices"
         ("id", "party_id", "kind", "params", "source_event_id", "status", "attempts",
          "next_attempt_at", "created_at")
       VALUES ($1, $2, $3, $4, $5, 'PENDING', 0, now(), now())
       ON CONFLICT ("source_event_id", "party_id", "kind") DO NOTHING
       RETURNING "id"`,
      [randomUUID(), notice.partyId, notice.kind, notice.params, notice.sourceId],
    );
    if (rows.length === 0) return undefined;
    await manager.query('SELECT pg_notify($1, $2)', [MAIL_NOTICES_CHANNEL, '']);
    return rows[0]!.id;
  },
};
