/** The four languages of Masar. Arabic is written right to left, and the whole layout mirrors with it. */
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export type Direction = 'rtl' | 'ltr';

const STORAGE_KEY = 'masar.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && LANGUAGES.some((l) => l.code === value);
}

export function directionOf(lang: Language): Direction {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The language asked in the address (?lang=ar), then the one chosen before, then the browser's, then French. */
export function initialLanguage(): Language {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (isLanguage(asked)) return asked;
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    /* storage may be disabled */
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = tag?.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'fr';
}

export function rememberLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be disabled */
  }
}

/** Sets lang and dir on <html>, so that screen readers, fonts and the browser's own widgets follow. */
export function applyDocumentLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** Dates and numbers in the user's language; Arabic with Western digits, as Moroccan documents print them. */
export function localeOf(lang: Language): string {
  return lang === 'ar' ? 'ar-MA-u-nu-latn' : lang === 'fr' ? 'fr-MA' : lang === 'es' ? 'es-ES' : 'en-GB';
}

/**
 * A moment in the user's time zone; a calendar day (YYYY-MM-DD, as the API sends due dates and document dates) as
 * that same day everywhere: read as midnight UTC it would show the day before west of Greenwich.
 */
export function formatDate(value: string | Date | null | undefined, lang: Language, withTime = false): string {
  if (!value) return '';
  const calendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const style: Intl.DateTimeFormatOptions = withTime && !calendarDay ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(localeOf(lang), calendarDay ? { ...style, timeZone: 'UTC' } : style).format(d);
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf(lang)).format(value);
}
