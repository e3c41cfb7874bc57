import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './locales/en.ts';
import { id, type Dictionary, type TranslationKey as Key } from './locales/id.ts';

/**
 * Indonesian first, English second: one dictionary per language in locales/, the Indonesian one
 * defines the keys. The choice is remembered in localStorage.
 */
export type Language = 'id' | 'en';
export type TranslationKey = Key;
export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Dictionary> = { id, en };
const storageKey = 'simpul.language';

function storedLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return saved === 'en' ? 'en' : 'id';
}

type I18n = { language: Language; locale: string; setLanguage: (language: Language) => void; t: Translate };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, vars) => dictionaries[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`)),
    [language],
  );
  const value = useMemo(() => ({ language, locale: language === 'id' ? 'id-ID' : 'en-GB', setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export const useT = () => useI18n().t;

/**
 * For codes the API types as plain strings (a gateway's outcome, an audit action): the
 * translation when the dictionaries have one, else the code itself (shown, never hidden).
 */
export function useTranslatedCode() {
  const t = useT();
  return (key: string, code: string) => (key in id ? t(key as Key) : code);
}
