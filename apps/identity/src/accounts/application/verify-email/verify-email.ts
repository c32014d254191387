import { AccountError } from '../../domain/account-error.js';
import { AuditEvent } from '../../domain/audit-event.js';
import { TokenPurpose } from '../../domain/token-purpose.js';
import type { AccountStore, Actor } from '../../infrastructure/account.store.js';

/** Where a verification link stands: to be used, used on a verified account, or of no use. */
export type LinkState = 'usable' | 'done' | 'invalid';

/**
 * Marks the address of the link's account verified; the link works once, within its day. A
 * link used already on an account that is verified answers as done (a second click, a retried
 * post): the request is repeated, not refused, and nothing more is recorded.
 */
export class VerifyEmail {
  constructor(private readonly store: AccountStore) {}

  /** Where the link stands (for the page that asks to confirm). */
  async state(token: string): Promise<LinkState> {
    if (await this.store.tokenValid(token, TokenPurpose.VERIFY_EMAIL)) return 'usable';
    return (await this.alreadyDone(this.store, token)) ? 'done' : 'invalid';
  }

  execute(token: string, actor: Actor = {}): Promise<void> {
    return this.store.transaction(async (store) => {
      const accountId = await store.consumeToken(token, TokenPurpose.VERIFY_EMAIL);
      if (!accountId) {
        if (await this.alreadyDone(store, token)) return;
        throw new AccountError('link-invalid');
      }
      await store.markVerified(accountId);
      await store.audit(AuditEvent.EMAIL_VERIFIED, accountId, actor);
    });
  }

  private async alreadyDone(store: AccountStore, token: string): Promise<boolean> {
    const accountId = await store.usedTokenAccount(token, TokenPurpose.VERIFY_EMAIL);
    const account = accountId ? await store.findById(accountId) : null;
    return account?.emailVerifiedAt != null;
  }
}
