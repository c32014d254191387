import { AccountError } from '../../domain/account-error.js';
import { AuditEvent } from '../../domain/audit-event.js';
import { passwordProblem } from '../../domain/password-rule.js';
import { TokenPurpose } from '../../domain/token-purpose.js';
import type { AccountStore, Actor } from '../../infrastructure/account.store.js';
import { hashPassword } from '../../infrastructure/password-hashing.js';

/**
 * Sets a new password with a mailed link (once, within its hour). Every session and grant of
 * the account ends with it, so whoever knew the old password is signed out; the link also
 * proves the address, which counts as verified from then on. All of it commits, or none.
 */
export class ResetPassword {
  constructor(private readonly store: AccountStore) {}

  usable(token: string): Promise<boolean> {
    return this.store.tokenValid(token, TokenPurpose.RESET_PASSWORD);
  }

  async execute(input: { token: string; password: string }, actor: Actor = {}): Promise<void> {
    await this.store.transaction(async (store) => {
      const accountId = await store.consumeToken(input.token, TokenPurpose.RESET_PASSWORD);
      const account = accountId ? await store.findById(accountId) : null;
      if (!account) throw new AccountError('link-invalid');
      const problem = passwordProblem(input.password, account.email);
      // The transaction rolls back: the link still works for a better password.
      if (problem) throw new AccountError(problem);
      await store.setPassword(account.id, await hashPassword(input.password));
      await store.markVerified(account.id);
      await store.revokeSessions(account.id);
      await store.audit(AuditEvent.PASSWORD_CHANGED, account.id, actor);
    });
  }
}
