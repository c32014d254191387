import type { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from '../../accounts/infrastructure/account.entity.js';
import { CHALLENGE_LIFETIME_MS, type ChallengePurpose } from '../domain/passkey-rules.js';
import { PasskeyEntity } from './passkey.entity.js';
import { WebauthnChallengeEntity } from './webauthn-challenge.entity.js';

/** Passkeys, their challenges and the second-factor choice, in PostgreSQL. */
export class PasskeyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
    private readonly manager?: EntityManager,
  ) {}

  transaction<T>(work: (store: PasskeyStore) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work(new PasskeyStore(this.dataSource, this.now, manager)),
    );
  }

  private get em(): EntityManager {
    return this.manager ?? this.dataSource.manager;
  }

  list(accountId: string): Promise<PasskeyEntity[]> {
    return this.em.find(PasskeyEntity, { where: { accountId }, order: { createdAt: 'ASC' } });
  }

  find(id: string): Promise<PasskeyEntity | null> {
    return this.em.findOneBy(PasskeyEntity, { id });
  }

  async add(passkey: Omit<PasskeyEntity, 'createdAt' | 'lastUsedAt'>): Promise<void> {
    await this.em.insert(PasskeyEntity, { ...passkey, createdAt: this.now(), lastUsedAt: null });
  }

  /** Renames a passkey of the account; false when the account has no such passkey. */
  async rename(accountId: string, id: string, name: string): Promise<boolean> {
    const result = await this.em.update(PasskeyEntity, { id, accountId }, { name });
    return (result.affected ?? 0) > 0;
  }

  /** Removes a passkey of the account; false when the account has no such passkey. */
  async remove(accountId: string, id: string): Promise<boolean> {
    const result = await this.em.delete(PasskeyEntity, { id, accountId });
    return (result.affected ?? 0) > 0;
  }

  async used(
    id: string,
    state: { counter: number; backedUp: boolean; deviceType: string },
  ): Promise<void> {
    await this.em.update(PasskeyEntity, { id }, { ...state, lastUsedAt: this.now() });
  }

  async secondFactor(accountId: string): Promise<boolean> {
    const account = await this.em.findOneBy(AccountEntity, { id: accountId });
    return account?.passkeySecondFactor ?? false;
  }

  async setSecondFactor(accountId: string, on: boolean): Promise<void> {
    await this.em.update(AccountEntity, { id: accountId }, { passkeySecondFactor: on });
  }

  /**
   * Keeps a new challenge for the purpose and binding, replacing any earlier one; challenges
   * left unanswered past their time are deleted on the way.
   */
  async putChallenge(
    purpose: ChallengePurpose,
    binding: string,
    challenge: string,
    accountId: string | null,
  ): Promise<void> {
    await this.em.query(`DELETE FROM "identity"."webauthn_challenges" WHERE "expires_at" <= $1`, [
      this.now(),
    ]);
    await this.em.upsert(
      WebauthnChallengeEntity,
      {
        purpose,
        binding,
        challenge,
        accountId,
        expiresAt: new Date(this.now().getTime() + CHALLENGE_LIFETIME_MS),
      },
      ['purpose', 'binding'],
    );
  }

  /** The waiting challenge of the purpose and binding, without using it up. */
  async peekChallenge(
    purpose: ChallengePurpose,
    binding: string,
  ): Promise<WebauthnChallengeEntity | undefined> {
    const row = await this.em.findOneBy(WebauthnChallengeEntity, { purpose, binding });
    return row && row.expiresAt > this.now() ? row : undefined;
  }

  /** Uses the challenge up: it is returned once, and only before it expires. */
  async takeChallenge(
    purpose: ChallengePurpose,
    binding: string,
  ): Promise<{ challenge: string; accountId: string | null } | undefined> {
    // A DELETE answers [rows, affected count].
    const [rows] = await this.em.query<
      [{ challenge: string; account_id: string | null; expires_at: Date }[], number]
    >(
      `DELETE FROM "identity"."webauthn_challenges" WHERE "purpose" = $1 AND "binding" = $2
        RETURNING "challenge", "account_id", "expires_at"`,
      [purpose, binding],
    );
    const row = rows[0];
    if (!row || row.expires_at <= this.now()) return undefined;
    return { challenge: row.challenge, accountId: row.account_id };
  }
}
