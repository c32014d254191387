import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditEvent } from '../domain/audit-event.js';
import {
  afterFailure,
  isLocked,
  MAIL_THROTTLE,
  type ThrottlePolicy,
  type ThrottleState,
} from '../domain/throttle.js';
import { TOKEN_LIFETIME_MS, type TokenPurpose } from '../domain/token-purpose.js';
import { AccountAuditEntity } from './account-audit.entity.js';
import { AccountTokenEntity } from './account-token.entity.js';
import { AccountEntity } from './account.entity.js';
import { SignInThrottleEntity } from './sign-in-throttle.entity.js';

/** Who did something, for the audit log. */
export interface Actor {
  clientAddress?: string;
  clientId?: string;
}

/** One throttled key (already hashed) and its policy. */
export interface ThrottledKey {
  key: string;
  policy: ThrottlePolicy;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** A key for the throttle table that does not hold the address or network address itself. */
export function throttleKey(kind: 'email' | 'address' | 'mail', value: string): string {
  return `${kind}:${sha256(value)}`;
}

/** Accounts, their mailed tokens, sign-in throttles and the audit log, in PostgreSQL. */
export class AccountStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
    private readonly manager?: EntityManager,
  ) {}

  /** Runs `work` with a store whose every change commits together, or none does. */
  transaction<T>(work: (store: AccountStore) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work(new AccountStore(this.dataSource, this.now, manager)),
    );
  }

  private get em(): EntityManager {
    return this.manager ?? this.dataSource.manager;
  }

  findById(id: string): Promise<AccountEntity | null> {
    return this.em.findOneBy(AccountEntity, { id });
  }

  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.em.findOneBy(AccountEntity, { email });
  }

  /**
   * Creates the account unless the address has one already; returns the new account, or
   * undefined when the address was taken (also by a racing sign-up).
   */
  async create(fields: {
    email: string;
    passwordHash: string;
    language: string;
  }): Promise<AccountEntity | undefined> {
    const now = this.now();
    const id = randomUUID();
    const inserted = await this.em
      .createQueryBuilder()
      .insert()
      .into(AccountEntity)
      .values({ id, ...fields, emailVerifiedAt: null, createdAt: now, passwordChangedAt: now })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0
      ? ((await this.findById(id)) ?? undefined)
      : undefined;
  }

  async markVerified(accountId: string): Promise<void> {
    await this.em.update(
      AccountEntity,
      { id: accountId, emailVerifiedAt: IsNull() },
      { emailVerifiedAt: this.now() },
    );
  }

  async setPassword(accountId: string, passwordHash: string): Promise<void> {
    await this.em.update(
      AccountEntity,
      { id: accountId },
      { passwordHash, passwordChangedAt: this.now() },
    );
  }

  /**
   * A new single-use token for the account and purpose; only its hash is stored. Earlier
   * unused tokens of the same purpose stop working: the newest mail is the one that counts.
   */
  async issueToken(accountId: string, purpose: TokenPurpose): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.em.update(
      AccountTokenEntity,
      { accountId, purpose, usedAt: IsNull() },
      { usedAt: now },
    );
    await this.em.insert(AccountTokenEntity, {
      tokenHash: sha256(token),
      accountId,
      purpose,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      usedAt: null,
    });
    return token;
  }

  /** Whether the token is one of this purpose, unused and unexpired (without using it). */
  async tokenValid(token: string, purpose: TokenPurpose): Promise<boolean> {
    const row = await this.em.findOneBy(AccountTokenEntity, { tokenHash: sha256(token), purpose });
    return row !== null && row.usedAt === null && row.expiresAt > this.now();
  }

  /** The account of a token of this purpose that was used (or replaced by a newer one). */
  async usedTokenAccount(token: string, purpose: TokenPurpose): Promise<string | undefined> {
    const row = await this.em.findOneBy(AccountTokenEntity, { tokenHash: sha256(token), purpose });
    return row?.usedAt ? row.accountId : undefined;
  }

  /** Uses the token once: the account it was for, or undefined when it cannot be used. */
  async consumeToken(token: string, purpose: TokenPurpose): Promise<string | undefined> {
    // An UPDATE answers [rows, affected count].
    const [rows] = await this.em.query<[{ account_id: string }[], number]>(
      `UPDATE "identity"."account_tokens" SET "used_at" = $3
        WHERE "token_hash" = $1 AND "purpose" = $2 AND "used_at" IS NULL AND "expires_at" > $3
        RETURNING "account_id"`,
      [sha256(token), purpose, this.now()],
    );
    return rows[0]?.account_id;
  }

  /** Ends every session, grant and token of the provider that belongs to the account. */
  async revokeSessions(accountId: string): Promise<void> {
    await this.em.query(
      `DELETE FROM "identity"."oidc_records" WHERE "payload"->>'accountId' = $1`,
      [accountId],
    );
  }

  /**
   * Counts a sign-in attempt as a failure against each key before its password is checked,
   * with the keys' rows locked, so racing attempts queue here: answers `locked` (nothing
   * counted) when a key is locked already, else whether this attempt locked one.
   */
  async countAttempt(keys: ThrottledKey[]): Promise<'locked' | 'counted' | 'counted-and-locked'> {
    const now = this.now();
    const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
    const states: (ThrottleState | undefined)[] = [];
    for (const { key } of sorted) {
      // A row to lock, also for the first attempt (two first attempts must not both read none).
      await this.em.query(
        `INSERT INTO "identity"."sign_in_throttles" ("key", "failures", "window_started_at")
         VALUES ($1, 0, $2) ON CONFLICT ("key") DO NOTHING`,
        [key, now],
      );
      const [row] = await this.em.query<
        { failures: number; window_started_at: Date; locked_until: Date | null }[]
      >(
        `SELECT "failures", "window_started_at", "locked_until" FROM "identity"."sign_in_throttles"
          WHERE "key" = $1 FOR UPDATE`,
        [key],
      );
      states.push(
        row &&
          stateOf({
            failures: row.failures,
            windowStartedAt: row.window_started_at,
            lockedUntil: row.locked_until,
          }),
      );
    }
    if (states.some((state) => isLocked(state, now))) return 'locked';
    let locked = false;
    for (const [index, { key, policy }] of sorted.entries()) {
      const after = afterFailure(states[index], now, policy);
      locked ||= isLocked(after, now);
      await this.em.update(
        SignInThrottleEntity,
        { key },
        {
          failures: after.failures,
          windowStartedAt: after.windowStartedAt,
          lockedUntil: after.lockedUntil ?? null,
        },
      );
    }
    return locked ? 'counted-and-locked' : 'counted';
  }

  /**
   * Whether a mail may go to the account now (`MAIL_THROTTLE`), counting it; a held mail is
   * audited. To be asked inside the transaction that issues the mailed token.
   */
  async mayMail(account: { id: string; email: string }, actor: Actor = {}): Promise<boolean> {
    const counted = await this.countAttempt([
      { key: throttleKey('mail', account.email), policy: MAIL_THROTTLE },
    ]);
    if (counted !== 'locked') return true;
    await this.audit(AuditEvent.MAIL_HELD, account.id, actor);
    return false;
  }

  /** Takes back one counted failure of a key that turned out a success. */
  async forgiveFailure(key: string): Promise<void> {
    await this.em.query(
      `UPDATE "identity"."sign_in_throttles" SET "failures" = greatest("failures" - 1, 0) WHERE "key" = $1`,
      [key],
    );
  }

  /** Clears a key (a successful sign-in clears its address's failures and lock). */
  async clearThrottle(key: string): Promise<void> {
    await this.em.delete(SignInThrottleEntity, { key });
  }

  async audit(event: AuditEvent, accountId: string | undefined, actor: Actor = {}): Promise<void> {
    await this.em.insert(AccountAuditEntity, {
      id: randomUUID(),
      at: this.now(),
      event,
      accountId: accountId ?? null,
      clientAddress: actor.clientAddress ?? null,
      clientId: actor.clientId ?? null,
    });
  }
}

function stateOf(row: {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}): ThrottleState {
  return {
    failures: row.failures,
    windowStartedAt: row.windowStartedAt,
    lockedUntil: row.lockedUntil ?? undefined,
  };
}
