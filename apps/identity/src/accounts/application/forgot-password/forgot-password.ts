import { AccountError } from '../../domain/account-error.js';
import { AuditEvent } from '../../domain/audit-event.js';
import { isEmail, normalizeEmail } from '../../domain/email.js';
import { TokenPurpose } from '../../domain/token-purpose.js';
import type { AccountStore, Actor } from '../../infrastructure/account.store.js';
import { MailKind } from '../../../mail/mail-texts.js';
import type { AccountMail } from '../account-mail.js';

/**
 * Mails a link to choose a new password when the address has an account (and has not been
 * mailed too often lately); the page answers the same when it has none.
 */
export class ForgotPassword {
  constructor(
    private readonly store: AccountStore,
    private readonly mail: AccountMail,
  ) {}

  async execute(input: { email: string }, actor: Actor = {}): Promise<void> {
    const email = normalizeEmail(input.email);
    if (!isEmail(email)) throw new AccountError('email-invalid');
    const issued = await this.store.transaction(async (store) => {
      const account = await store.findByEmail(email);
      if (!account) return undefined;
      await store.audit(AuditEvent.PASSWORD_RESET_REQUESTED, account.id, actor);
      if (!(await store.mayMail(account, actor))) return undefined;
      return { account, token: await store.issueToken(account.id, TokenPurpose.RESET_PASSWORD) };
    });
    if (issued) await this.mail.send(MailKind.RESET_PASSWORD, issued.account, issued.token);
  }
}
