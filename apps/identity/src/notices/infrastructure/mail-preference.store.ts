import type { DataSource } from 'typeorm';
import type { StoredMailPreferences } from '../domain/mail-preferences.js';
import { MailPreferenceEntity } from './mail-preference.entity.js';

/** People's choices for their notices, in PostgreSQL. */
export class MailPreferenceStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What the person chose, or null when they never did. */
  async find(accountId: string): Promise<StoredMailPreferences | null> {
    const row = await this.dataSource.manager.findOneBy(MailPreferenceEntity, { accountId });
    return row ? { language: row.language, mutedKinds: row.mutedKinds } : null;
  }

  /** Keeps the person's choice (the same choice twice changes nothing but the time). */
  async save(accountId: string, preferences: StoredMailPreferences): Promise<void> {
    await this.dataSource.manager.upsert(
      MailPreferenceEntity,
      {
        accountId,
        language: preferences.language,
        mutedKinds: [...preferences.mutedKinds],
        updatedAt: this.now(),
      },
      ['accountId'],
    );
  }
}
