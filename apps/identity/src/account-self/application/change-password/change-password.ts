import { AccountError } from '../../../accounts/domain/account-error.js';
import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import { passwordProblem } from '../../../accounts/domain/password-rule.js';
import type { AccountMail } from '../../../accounts/application/account-mail.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { hashPassword } from '../../../accounts/infrastructure/password-hashing.js';
import { MailKind } from '../../../mail/mail-texts.js';
import { AccountSelfError } from '../../domain/account-self-rules.js';
import type { AccountSelfStore } from '../../infrastructure/account-self.store.js';
import { confirmPassword } from '../confirm-password.js';

/**
 * Changes the signed-in person's password: the current one must be right and the new one keep
 * the password rule. Every other session, grant and refresh token of the account ends (the
 * session in use stays), the change is audited, and a mail tells the person.
 */
export class ChangePassword {
  constructor(
    private readonly store: AccountSelfStore,
    private readonly accounts: AccountStore,
    private readonly mail: AccountMail,
  ) {}

  async execute(
    input: { accountId: string; current: string; password: string; keepSession?: string },
    actor: Actor = {},
  ): Promise<void> {
    const account = await this.accounts.findById(input.accountId);
    if (!account) throw new AccountSelfError('not-found');
    await confirmPassword(this.accounts, account, input.current, actor);
    const problem = passwordProblem(input.password, account.email);
    if (problem) throw new AccountError(problem);
    const hash = await hashPassword(input.password);
    await this.store.transaction(async (store, accounts) => {
      await accounts.setPassword(account.id, hash);
      await store.revokeOtherSessions(account.id, input.keepSession);
      await accounts.audit(AuditEvent.PASSWORD_CHANGED, account.id, actor);
    });
    await this.mail.send(MailKind.PASSWORD_CHANGED, account);
  }
}
