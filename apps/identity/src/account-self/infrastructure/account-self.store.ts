import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '../../accounts/domain/audit-event.js';
import { AccountAuditEntity } from '../../accounts/infrastructure/account-audit.entity.js';
import { AccountTokenEntity } from '../../accounts/infrastructure/account-token.entity.js';
import { AccountEntity } from '../../accounts/infrastructure/account.entity.js';
import { AccountStore, throttleKey } from '../../accounts/infrastructure/account.store.js';
import { SignInThrottleEntity } from '../../accounts/infrastructure/sign-in-throttle.entity.js';

/** The audit events that are sign-ins. */
export const SIGN_IN_EVENTS: string[] = [AuditEvent.SIGN_IN_SUCCEEDED, AuditEvent.SIGN_IN_PASSKEY];

/** What the person's own account pages and API read and erase, in PostgreSQL. */
export class AccountSelfStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly manager?: EntityManager,
  ) {}

  /** Runs `work` with this store and the accounts' store in one transaction: all or nothing. */
  transaction<T>(
    work: (store: AccountSelfStore, accounts: AccountStore) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work(
        new AccountSelfStore(this.dataSource, manager),
        new AccountStore(this.dataSource, undefined, manager),
      ),
    );
  }

  private get em(): EntityManager {
    return this.manager ?? this.dataSource.manager;
  }

  async setLanguage(accountId: string, language: string): Promise<void> {
    await this.em.update(AccountEntity, { id: accountId }, { language });
  }

  /** The account's audit entries, newest first (only sign-ins when asked). */
  audit(accountId: string, options: { signInsOnly?: boolean; limit?: number } = {}) {
    const query = this.em
      .createQueryBuilder(AccountAuditEntity, 'a')
      .where('a.accountId = :accountId', { accountId })
      .orderBy('a.at', 'DESC');
    if (options.signInsOnly) query.andWhere('a.event IN (:...events)', { events: SIGN_IN_EVENTS });
    if (options.limit) query.limit(options.limit);
    return query.getMany();
  }

  /** The account's mailed tokens (never their hashes: purpose and times only). */
  mailedTokens(accountId: string) {
    return this.em.find(AccountTokenEntity, {
      where: { accountId },
      select: { purpose: true, expiresAt: true, usedAt: true },
    });
  }

  /** How many of the provider's records (sessions, grants, tokens) hold the account, by kind. */
  async providerRecords(accountId: string): Promise<Record<string, number>> {
    const rows = await this.em.query<{ model: string; count: string }[]>(
      `SELECT "model", count(*) AS "count" FROM "identity"."oidc_records"
        WHERE "payload"->>'accountId' = $1 GROUP BY "model" ORDER BY "model"`,
      [accountId],
    );
    return Object.fromEntries(rows.map((row) => [row.model, Number(row.count)]));
  }

  /**
   * Ends every session, grant and token of the provider that belongs to the account, but the
   * session named (the one the person is using).
   */
  async revokeOtherSessions(accountId: string, keepSession: string | undefined): Promise<void> {
    await this.em.query(
      `DELETE FROM "identity"."oidc_records" WHERE "payload"->>'accountId' = $1
        AND NOT ("model" = 'Session' AND "id" = $2)`,
      [accountId, keepSession ?? ''],
    );
  }

  /**
   * Erases the account: its provider records (sessions, grants, tokens, interactions that
   * signed it in), its mailed tokens, its sign-in throttle, its client addresses in the audit
   * log, then the account row (its passkeys and grants go with it). The audit entries stay,
   * with the account id only.
   */
  async erase(account: { id: string; email: string }): Promise<void> {
    await this.em.query(
      `DELETE FROM "identity"."oidc_records" WHERE "payload"->>'accountId' = $1
        OR "payload"->'result'->'login'->>'accountId' = $1
        OR "payload"->'session'->>'accountId' = $1`,
      [account.id],
    );
    await this.em.delete(AccountTokenEntity, { accountId: account.id });
    await this.em.delete(SignInThrottleEntity, { key: throttleKey('email', account.email) });
    await this.em.update(AccountAuditEntity, { accountId: account.id }, { clientAddress: null });
    await this.em.delete(AccountEntity, { id: account.id });
    // Invitations keep no trace of the address: blanked where accepted, deleted where pending.
    await this.em.query(
      `UPDATE "identity"."invitations" SET "email" = '' WHERE "accepted_by" = $1`,
      [account.id],
    );
    await this.em.query(
      `DELETE FROM "identity"."invitations"
        WHERE "email" = $1 AND "accepted_at" IS NULL`,
      [account.email],
    );
  }
}
