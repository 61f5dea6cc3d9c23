import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatNumber, localeOf } from './languages';

/**
 * Dates and numbers as each language writes them. Arabic uses Western digits (ar-MA with the Latin numbering
 * system, `ar-MA-u-nu-latn`), as Moroccan documents and receipts print them, with Arabic month names.
 */
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('formatDate', () => {
  const day = new Date(2027, 0, 15, 9, 5);

  it.each([
    ['ar', '15 يناير 2027'],
    ['fr', '15 janvier 2027'],
    ['en', '15 January 2027'],
    ['es', '15 de enero de 2027'],
  ] as const)('writes a day in %s as %s', (lang, expected) => {
    expect(formatDate(day, lang)).toBe(expected);
  });

  it('writes Arabic dates with Western digits, never Arabic-Indic ones', () => {
    expect(localeOf('ar')).toBe('ar-MA-u-nu-latn');
    const withTime = formatDate(day, 'ar', true);
    expect(withTime).toMatch(/15.*01.*2027.*09:05/);
    expect(withTime).not.toMatch(ARABIC_INDIC_DIGITS);
  });

  it.each([
    ['fr', '15 jan. 2027, 09:05'],
    ['en', '15 Jan 2027, 09:05'],
    ['es', '15 ene 2027, 9:05'],
  ] as const)('adds the time on a 24-hour clock in %s', (lang, expected) => {
    expect(formatDate(day, lang, true).replace(/\s/g, ' ')).toBe(expected);
  });

  it('keeps a calendar day (YYYY-MM-DD) on its day west of Greenwich', () => {
    process.env.TZ = 'America/Mexico_City';
    expect(formatDate('2027-01-15', 'es')).toBe('15 de enero de 2027');
    expect(formatDate('2027-01-15', 'ar')).toBe('15 يناير 2027');
  });

  it('writes nothing for a missing or unreadable date', () => {
    expect(formatDate(null, 'fr')).toBe('');
    expect(formatDate('not a date', 'fr')).toBe('');
  });
});

describe('formatNumber', () => {
  it.each([
    ['ar', '1.234.567,5'],
    ['fr', '1.234.567,5'],
    ['en', '1,234,567.5'],
    ['es', '1.234.567,5'],
  ] as const)('groups and separates decimals in %s as %s', (lang, expected) => {
    expect(formatNumber(1234567.5, lang).replace(/\s/g, ' ')).toBe(expected);
    expect(formatNumber(1234567.5, lang)).not.toMatch(ARABIC_INDIC_DIGITS);
  });
});
