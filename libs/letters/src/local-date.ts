import { DATE_LOCALE, type Language } from './language';
import { LettersErrors } from './letters.errors';

/**
 * A calendar date, `YYYY-MM-DD`. Deadlines and submission days are days in the office's calendar, not instants:
 * passing a Date would let the server's time zone move a deadline by one day on the printed letter.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertLocalDate(value: LocalDate, field: string): void {
  const m = LOCAL_DATE.exec(value ?? '');
  if (!m) throw LettersErrors.invalidDate(field);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw LettersErrors.invalidDate(field);
  }
}

/** One formatter per language, made once: building an Intl.DateTimeFormat costs far more than formatting with it. */
const LONG_DATE = new Map<Language, Intl.DateTimeFormat>();

/** "29 novembre 2026", "29 نونبر 2026": the long form an applicant reads without ambiguity between d/m and m/d. */
export function formatLocalDate(value: LocalDate, language: Language): string {
  const [y, m, d] = value.split('-').map(Number);
  let format = LONG_DATE.get(language);
  if (!format) LONG_DATE.set(language, (format = new Intl.DateTimeFormat(DATE_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Puts a formatted date into a label's `{date}` slot. */
export function withDate(template: string, value: LocalDate, language: Language): string {
  return template.replace('{date}', formatLocalDate(value, language));
}
