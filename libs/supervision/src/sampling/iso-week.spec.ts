import { isoWeekBounds, isoWeekOf, previousIsoWeek } from './iso-week';

describe('ISO weeks', () => {
  it('names the week of a date, the Thursday deciding the year', () => {
    expect(isoWeekOf(new Date('2026-11-29T23:59:00Z'))).toBe('2026-W48'); // a Sunday
    expect(isoWeekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-W49'); // the Monday after
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53'); // 2026 has 53 weeks
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
  });

  it('gives the bounds of a week, Monday to Monday', () => {
    expect(isoWeekBounds('2026-W48')).toEqual({ start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-30T00:00:00Z') });
    expect(isoWeekBounds('2025-W01').start).toEqual(new Date('2024-12-30T00:00:00Z'));
  });

  it('refuses a week that does not exist', () => {
    expect(() => isoWeekBounds('2025-W53')).toThrow('A week is written YYYY-Www');
    expect(() => isoWeekBounds('2025-W00')).toThrow('A week is written YYYY-Www');
    expect(() => isoWeekBounds('2025-48')).toThrow('A week is written YYYY-Www');
  });

  it('samples the last complete week', () => {
    expect(previousIsoWeek(new Date('2026-11-30T03:00:00Z'))).toBe('2026-W48');
  });
});
