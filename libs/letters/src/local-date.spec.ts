import { assertLocalDate, formatLocalDate } from './local-date';

describe('letter dates', () => {
  it('writes a day in full in each language, with Western digits and Moroccan month names in Arabic', () => {
    expect(formatLocalDate('2026-11-29', 'ar')).toBe('29 نونبر 2026');
    expect(formatLocalDate('2026-11-29', 'fr')).toBe('29 novembre 2026');
    expect(formatLocalDate('2026-11-29', 'en')).toBe('29 November 2026');
    expect(formatLocalDate('2026-11-29', 'es')).toBe('29 de noviembre de 2026');
  });

  it('does not move a deadline by a day whatever the server time zone', () => {
    // The date is a calendar day, formatted in UTC on purpose; TZ is read at process start, so this holds for any TZ.
    expect(formatLocalDate('2027-01-01', 'en')).toBe('1 January 2027');
  });

  it.each(['2027-02-29', '2026-13-01', '29/11/2026', '2026-11-29T10:00:00Z', ''])('refuses %p', (value) => {
    expect(() => assertLocalDate(value, 'deadline')).toThrow(expect.objectContaining({ code: 'LETTERS_INVALID_DATE' }));
  });

  it('accepts a leap day', () => {
    expect(() => assertLocalDate('2028-02-29', 'deadline')).not.toThrow();
  });
});
