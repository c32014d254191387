import { AuditEvent } from '../../../accounts/domain/audit-event.js';
import { isLanguage } from '../../../accounts/domain/language.js';
import type { AccountStore, Actor } from '../../../accounts/infrastructure/account.store.js';
import { AccountSelfError } from '../../domain/account-self-rules.js';
import type { AccountSelfStore } from '../../infrastructure/account-self.store.js';

/** Sets the language the person's mail (and their pages, by default) are written in. */
export class ChangeLanguage {
  constructor(
    private readonly store: AccountSelfStore,
    private readonly accounts: AccountStore,
  ) {}

  async execute(accountId: string, language: string, actor: Actor = {}): Promise<void> {
    if (!isLanguage(language)) throw new AccountSelfError('language-invalid');
    await this.store.setLanguage(accountId, language);
    await this.accounts.audit(AuditEvent.LANGUAGE_CHANGED, accountId, actor);
  }
}
