import type { DataSource } from 'typeorm';
import type { StoredMailPreferences } from '../domain/mail-preferences.js';

/** A person who acts for a party, with what they chose for their notices. */
export interface NoticeRecipient {
  accountId: string;
  email: string;
  accountLanguage: string;
  preferences: StoredMailPreferences | null;
}

/** Who a party's notices go to, and which notices each person was mailed, in PostgreSQL. */
export class NoticeStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The people with an active grant (any role) on the party whose address is verified, each
   * once, in a stable order.
   */
  async recipients(partyId: string): Promise<NoticeRecipient[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        email: string;
        language: string;
        notice_language: string | null;
        muted_kinds: string[] | null;
        has_preferences: boolean;
      }[]
    >(
      `SELECT a."id", a."email", a."language", p."language" AS "notice_language",
              p."muted_kinds", p."account_id" IS NOT NULL AS "has_preferences"
         FROM "identity"."accounts" a
         LEFT JOIN "identity"."mail_preferences" p ON p."account_id" = a."id"
        WHERE a."email_verified_at" IS NOT NULL
          AND EXISTS (SELECT 1 FROM "identity"."grants" g
                       WHERE g."account_id" = a."id" AND g."party_id" = $1
                         AND g."revoked_at" IS NULL)
        ORDER BY a."id"`,
      [partyId],
    );
    return rows.map((row) => ({
      accountId: row.id,
      email: row.email,
      accountLanguage: row.language,
      preferences: row.has_preferences
        ? { language: row.notice_language, mutedKinds: row.muted_kinds ?? [] }
        : null,
    }));
  }

  /**
   * Mails the notice to the person once: the delivery is written and the mail sent in one
   * transaction, so a mail that fails leaves no delivery (a retry sends it), and a notice sent
   * again, or at the same time, finds the delivery and sends nothing. Answers whether it sent.
   */
  deliverOnce(noticeId: string, accountId: string, send: () => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO "identity"."notice_deliveries" ("notice_id", "account_id", "sent_at")
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [noticeId, accountId, this.now()],
      );
      if (inserted.length === 0) return false;
      await send();
      return true;
    });
  }

  /** How many people the notice was mailed to, ever. */
  async deliveries(noticeId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS "count" FROM "identity"."notice_deliveries" WHERE "notice_id" = $1`,
      [noticeId],
    );
    return Number(row?.count ?? 0);
  }
}
