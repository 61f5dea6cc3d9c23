import { DATE_LOCALE, type Language } from './language';

/** Offices are in Morocco: an interview time is read in Moroccan time whatever the server's zone. */
export const OFFICE_TIME_ZONE = 'Africa/Casablanca';

/** Formats the values a template puts in a sentence, in one language. */
export interface Formatter {
  readonly language: Language;
  /** A calendar day, `2026-03-05` → "5 mars 2026". */
  day(isoDay: string): string;
  /** An instant in office time, with the hour. */
  dateTime(isoInstant: string): string;
  /** A language code, named in this language ("ar" → "arabe"). */
  languageName(code: string): string;
}

const cache = new Map<Language, Formatter>();

/** Intl formatters cost about a millisecond to build: one per language per process. */
export function formatterFor(language: Language): Formatter {
  let f = cache.get(language);
  if (!f) cache.set(language, (f = buildFormatter(language)));
  return f;
}

function buildFormatter(language: Language): Formatter {
  const locale = DATE_LOCALE[language];
  // A day carries no zone: format it at midnight UTC in UTC so that it is the same day everywhere.
  const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: OFFICE_TIME_ZONE,
  });
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return {
    language,
    day: (isoDay) => dayFormat.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`)),
    dateTime: (isoInstant) => dateTimeFormat.format(new Date(isoInstant)),
    languageName: (code) => names.of(code) ?? code,
  };
}
