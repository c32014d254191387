import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

/** The portal's two languages; Japanese first, as the site is Japanese. */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A feature's texts in both languages. English states the keys; Japanese must have every one
 * of them (a missing or extra key is a type error), so no page can show a key or half a language.
 * `{name}` in a text is replaced by the parameter of that name.
 */
export interface Messages<Keys extends string> {
  en: Record<Keys, string>;
  ja: Record<Keys, string>;
}

/** Declares a feature's texts, checking that Japanese has exactly English's keys. */
export function defineMessages<const En extends Record<string, string>>(texts: {
  en: En;
  ja: Record<keyof En, string>;
}): Messages<Extract<keyof En, string>> {
  return texts;
}

const STORAGE_KEY = 'clearinghouse.language';

/** The language a visitor gets first: their earlier choice, else the browser's, else Japanese. */
export function initialLanguage(
  stored: string | null,
  preferred: readonly string[] = [],
): Language {
  if (stored === 'ja' || stored === 'en') return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja' || primary === 'en') return primary;
  }
  return 'ja';
}

/** BCP 47 locale used for dates and amounts in each language. */
export const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function LanguageProvider({
  children,
  language: fixed,
}: {
  children: ReactNode;
  /** For tests: start in this language. */
  language?: Language;
}) {
  const [language, setState] = useState<Language>(
    () => fixed ?? initialLanguage(readStored(), navigator.languages ?? [navigator.language]),
  );
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** Fills `{name}` placeholders. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate<Keys extends string> = (
  key: Keys,
  params?: Record<string, string | number>,
) => string;

/** The feature's texts in the visitor's language. */
export function useMessages<Keys extends string>(messages: Messages<Keys>): Translate<Keys> {
  const { language } = useLanguage();
  return useCallback(
    (key: Keys, params?: Record<string, string | number>) =>
      interpolate(messages[language][key], params),
    [messages, language],
  );
}
