import { AccountError } from '../../domain/account-error.js';
import { AuditEvent } from '../../domain/audit-event.js';
import { isEmail, normalizeEmail } from '../../domain/email.js';
import type { Language } from '../../domain/language.js';
import { passwordProblem } from '../../domain/password-rule.js';
import { TokenPurpose } from '../../domain/token-purpose.js';
import type { AccountStore, Actor } from '../../infrastructure/account.store.js';
import { hashPassword } from '../../infrastructure/password-hashing.js';
import { MailKind } from '../../../mail/mail-texts.js';
import type { AccountMail } from '../account-mail.js';

export interface SignUpInput {
  email: string;
  password: string;
  language: Language;
}

/**
 * Creates an account with an unverified address and mails the link that verifies it. An
 * address that has an account already gets a mail saying so (with a link to reset the
 * password), and the page answers the same either way: sign-up tells no one who has an account.
 */
export class SignUp {
  constructor(
    private readonly store: AccountStore,
    private readonly mail: AccountMail,
  ) {}

  async execute(input: SignUpInput, actor: Actor = {}): Promise<void> {
    const email = normalizeEmail(input.email);
    if (!isEmail(email)) throw new AccountError('email-invalid');
    const problem = passwordProblem(input.password, email);
    if (problem) throw new AccountError(problem);
    const passwordHash = await hashPassword(input.password);
    const sent = await this.store.transaction(async (store) => {
      const created = await store.create({ email, passwordHash, language: input.language });
      if (created) {
        await store.audit(AuditEvent.SIGN_UP, created.id, actor);
        if (!(await store.mayMail(created, actor))) return undefined;
        const token = await store.issueToken(created.id, TokenPurpose.VERIFY_EMAIL);
        return { kind: MailKind.VERIFY_EMAIL, account: created, token };
      }
      const existing = await store.findByEmail(email);
      if (!existing) return undefined;
      await store.audit(AuditEvent.PASSWORD_RESET_REQUESTED, existing.id, actor);
      if (!(await store.mayMail(existing, actor))) return undefined;
      const token = await store.issueToken(existing.id, TokenPurpose.RESET_PASSWORD);
      return { kind: MailKind.ALREADY_REGISTERED, account: existing, token };
    });
    if (sent) await this.mail.send(sent.kind, sent.account, sent.token);
  }
}
