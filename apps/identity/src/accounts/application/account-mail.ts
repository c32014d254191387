import { isLanguage, DEFAULT_LANGUAGE, type Language } from '../domain/language.js';
import { MailKind, mailText } from '../../mail/mail-texts.js';
import type { Mailer } from '../../mail/mail.port.js';

/** Where the mailed links lead: the identity app's own pages. */
export const VERIFY_PATH = '/account/verify';
export const RESET_PATH = '/account/reset';
/** The signed-in person's account page. */
export const ACCOUNT_PATH = '/account';

const PATHS: Record<MailKind, string> = {
  [MailKind.VERIFY_EMAIL]: VERIFY_PATH,
  [MailKind.RESET_PASSWORD]: RESET_PATH,
  [MailKind.ALREADY_REGISTERED]: RESET_PATH,
  [MailKind.PASSWORD_CHANGED]: ACCOUNT_PATH,
  [MailKind.PASSKEY_ADDED]: ACCOUNT_PATH,
  [MailKind.PASSKEY_REMOVED]: ACCOUNT_PATH,
  [MailKind.SECOND_FACTOR_ON]: ACCOUNT_PATH,
  [MailKind.SECOND_FACTOR_OFF]: ACCOUNT_PATH,
};

/** The accounts' mails: a text in the account's language around a link with its token. */
export class AccountMail {
  constructor(
    private readonly mailer: Mailer,
    /** The origin the identity app's pages are reached at (the issuer's). */
    private readonly origin: string,
  ) {}

  async send(
    kind: MailKind,
    account: { email: string; language: string },
    token?: string,
  ): Promise<void> {
    const language: Language = isLanguage(account.language) ? account.language : DEFAULT_LANGUAGE;
    const url = new URL(PATHS[kind], this.origin);
    // A notice (no token) links to the page where the person sees their account.
    if (token !== undefined) url.searchParams.set('token', token);
    url.searchParams.set('lang', language);
    const link = url.href;
    await this.mailer.send({ to: account.email, ...mailText(kind, language, link), link });
  }
}
