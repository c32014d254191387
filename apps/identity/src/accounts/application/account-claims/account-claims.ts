import type { AccountStore } from '../../infrastructure/account.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the provider may say of an account in ID tokens and userinfo. */
export interface AccountClaims {
  sub: string;
  email: string;
  email_verified: boolean;
}

/** The claims of a real account, or undefined when there is no such account (any more). */
export class FindAccountClaims {
  constructor(private readonly store: AccountStore) {}

  async execute(accountId: string): Promise<AccountClaims | undefined> {
    if (!UUID.test(accountId)) return undefined;
    const account = await this.store.findById(accountId);
    if (!account) return undefined;
    return {
      sub: account.id,
      email: account.email,
      email_verified: account.emailVerifiedAt !== null,
    };
  }

  /** When the account's password last changed (tokens issued before count no more). */
  async passwordChangedAt(accountId: string): Promise<Date | undefined> {
    if (!UUID.test(accountId)) return undefined;
    return (await this.store.findById(accountId))?.passwordChangedAt;
  }
}
