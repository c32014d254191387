import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import type { ConfirmWithPasskey } from '../../../passkeys/application/confirm-with-passkey/confirm-with-passkey.js';
import { AccountSelfError, signedInRecently } from '../../domain/account-self-rules.js';
import type { AccountSelfStore } from '../../infrastructure/account-self.store.js';
import { confirmPassword } from '../confirm-password.js';

/**
 * How the person confirms that it is them: their password or one of their passkeys (on the
 * page, whose session the passkey's challenge is bound to), or, through the API, the sign-in
 * the access token itself was issued for (its `auth_time`), if it was just now.
 */
export type DeletionConfirmation =
  | { password: string }
  | { passkey: { sessionId: string; credential: string } }
  | { tokenSignedInAt: Date | undefined };

/**
 * Deletes the person's account once they confirmed it is them (the password or a passkey on the
 * page; through the API a token whose own sign-in is within ten minutes). Everything of it goes in one transaction: its
 * sessions, grants and tokens at the provider, mailed links, throttle, passkeys and grants (with
 * the row), and the client addresses of its audit entries; the entries stay under the account
 * id, with one more saying it was deleted. Statements and other records accounting must keep
 * live in the other services under the party, not the person, and stay.
 */
export class DeleteAccount {
  constructor(
    private readonly store: AccountSelfStore,
    private readonly accounts: AccountStore,
    private readonly confirmWithPasskey: ConfirmWithPasskey,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    accountId: string,
    confirmation: DeletionConfirmation,
    actor: Actor = {},
  ): Promise<void> {
    const account = await this.accounts.findById(accountId);
    // Deleted already (a retried request): done.
    if (!account) return;
    if ('password' in confirmation) {
      await confirmPassword(this.accounts, account, confirmation.password, actor);
    } else if ('passkey' in confirmation) {
      const { sessionId, credential } = confirmation.passkey;
      await this.confirmWithPasskey.execute(account.id, sessionId, credential, actor);
    } else if (!signedInRecently(confirmation.tokenSignedInAt, this.now())) {
      // Another sign-in since (anywhere) does not count: only this token's own.
      throw new AccountSelfError('sign-in-not-recent');
    }
    await this.store.transaction(async (store, accounts) => {
      await store.erase(account);
      // Kept without the client's address: the account id and the time say what is needed.
      await accounts.audit(AuditEvent.ACCOUNT_DELETED, account.id, { clientId: actor.clientId });
    });
  }
}
