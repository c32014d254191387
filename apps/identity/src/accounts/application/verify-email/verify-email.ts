import { AccountError } from '../../domain/account-error.js';
import { AuditEvent } from '../../domain/audit-event.js';
import { TokenPurpose } from '../../domain/token-purpose.js';
import type { AccountStore, Actor } from '../../infrastructure/account.store.js';

/** Marks the address of the link's account verified; the link works once, within its day. */
export class VerifyEmail {
  constructor(private readonly store: AccountStore) {}

  /** Whether the link can still be used (for the page that asks to confirm). */
  usable(token: string): Promise<boolean> {
    return this.store.tokenValid(token, TokenPurpose.VERIFY_EMAIL);
  }

  execute(token: string, actor: Actor = {}): Promise<void> {
    return this.store.transaction(async (store) => {
      const accountId = await store.consumeToken(token, TokenPurpose.VERIFY_EMAIL);
      if (!accountId) throw new AccountError('link-invalid');
      await store.markVerified(accountId);
      await store.audit(AuditEvent.EMAIL_VERIFIED, accountId, actor);
    });
  }
}
