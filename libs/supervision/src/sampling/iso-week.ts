import { SupervisionErrors } from '../supervision.errors';

const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = 86_400_000;

/** The ISO 8601 week (Monday to Sunday, UTC) of a moment, as 'YYYY-Www'. */
export function isoWeekOf(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of that week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** [Monday 00:00 UTC, next Monday 00:00 UTC) of an ISO week. */
export function isoWeekBounds(week: string): { start: Date; end: Date } {
  const m = WEEK.exec(week);
  if (!m) throw SupervisionErrors.weekInvalid();
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY;
  const start = new Date(week1Monday + (n - 1) * 7 * DAY);
  if (n < 1 || isoWeekOf(start) !== week) throw SupervisionErrors.weekInvalid();
  return { start, end: new Date(start.getTime() + 7 * DAY) };
}

/** The last complete week before `now`: what the weekly job samples. */
export function previousIsoWeek(now: Date): string {
  return isoWeekOf(new Date(now.getTime() - 7 * DAY));
}
