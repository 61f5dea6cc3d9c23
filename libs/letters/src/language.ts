/** The languages an applicant can read Masar's letters in. Arabic is written right to left. */
export const LANGUAGES = ['ar', 'fr', 'en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export type WritingDirection = 'ltr' | 'rtl';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function writingDirection(language: Language): WritingDirection {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The Intl locale used for dates. Morocco writes Arabic with Western digits, and its own month names
 * (ar-MA: "نونبر"), so the Arabic locale asks for Latin numerals explicitly rather than trusting the ICU default.
 */
export const DATE_LOCALE: Readonly<Record<Language, string>> = {
  ar: 'ar-MA-u-nu-latn',
  fr: 'fr-MA',
  en: 'en-GB',
  es: 'es-ES',
};

/** "Label: value", with French typography's no-break space before the colon. */
export function labelled(label: string, value: string, language: Language): string {
  return language === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`;
}
