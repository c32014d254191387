import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import { isLanguage } from '../../../accounts/domain/language.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { storedFrom } from '../../../notices/domain/mail-preferences.js';
import { NOTICE_KINDS, type NoticeKind } from '../../../notices/domain/notice.js';
import type { MailPreferenceStore } from '../../../notices/infrastructure/mail-preference.store.js';
import { AccountSelfError } from '../../domain/account-self-rules.js';

/** The notices a person chose: their language, and which kinds they want. */
export interface MailPreferencesChoice {
  language: string;
  /** The kinds ticked; every other kind is turned off. */
  wanted: readonly string[];
}

/** Sets the language of the person's notices and which kinds of notice they are mailed. */
export class ChangeMailPreferences {
  constructor(
    private readonly store: MailPreferenceStore,
    private readonly accounts: AccountStore,
  ) {}

  async execute(
    accountId: string,
    choice: MailPreferencesChoice,
    actor: Actor = {},
  ): Promise<void> {
    if (!isLanguage(choice.language)) throw new AccountSelfError('language-invalid');
    const wanted = new Set(choice.wanted);
    await this.store.save(
      accountId,
      storedFrom({
        language: choice.language,
        kinds: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, wanted.has(kind)])) as Record<
          NoticeKind,
          boolean
        >,
      }),
    );
    await this.accounts.audit(AuditEvent.MAIL_PREFERENCES_CHANGED, accountId, actor);
  }
}
