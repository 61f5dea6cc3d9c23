/** The languages Masar writes to applicants in. */
export const LANGUAGES = ['ar', 'fr', 'en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * When the preferred language has no template for an event, French then English: French is the administration's
 * working language in Morocco and the one caseworkers can read back to an applicant at the counter.
 */
export const FALLBACK_CHAIN: readonly Language[] = ['fr', 'en'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export const TEXT_DIRECTION: Record<Language, 'rtl' | 'ltr'> = { ar: 'rtl', fr: 'ltr', en: 'ltr', es: 'ltr' };

/**
 * Locale used for dates. Arabic as written in Morocco (month names مارس, أبريل...) with Latin digits, which is how
 * Moroccan administration prints dates and what every phone shows correctly.
 */
export const DATE_LOCALE: Record<Language, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB', es: 'es-ES' };
