import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../accounts/domain/language.js';
import { NOTICE_KINDS, type NoticeKind } from './notice.js';

/** What a person chose for their notices; nothing stored means every default. */
export interface StoredMailPreferences {
  /** The language of notices, or null: the account's language. */
  language: string | null;
  /** The kinds the person turned off (every other kind is on). */
  mutedKinds: readonly string[];
}

/** A person's notices as they apply: one language, each kind on or off. */
export interface MailPreferences {
  language: Language;
  kinds: Record<NoticeKind, boolean>;
}

/**
 * The preferences that apply: the language chosen for notices, else the language the person
 * last chose on the identity pages (the account's), else Japanese; every kind on unless
 * turned off.
 */
export function mailPreferencesOf(
  stored: StoredMailPreferences | null,
  accountLanguage: string,
): MailPreferences {
  const language = isLanguage(stored?.language)
    ? stored.language
    : isLanguage(accountLanguage)
      ? accountLanguage
      : DEFAULT_LANGUAGE;
  const muted = new Set(stored?.mutedKinds ?? []);
  return {
    language,
    kinds: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, !muted.has(kind)])) as Record<
      NoticeKind,
      boolean
    >,
  };
}

/** What is stored for preferences chosen: the language and the kinds turned off. */
export function storedFrom(preferences: MailPreferences): StoredMailPreferences {
  return {
    language: preferences.language,
    mutedKinds: NOTICE_KINDS.filter((kind) => !preferences.kinds[kind]),
  };
}
