import { addMonths } from './deadline-arithmetic';

/** The expiry printed on the card handed over (a day after today), else today plus the policy's validity. */
export function cardExpiry(given: unknown, now: Date, validityYears: number): string {
  const today = now.toISOString().slice(0, 10);
  if (typeof given === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given) && !Number.isNaN(Date.parse(given)) && given > today) return given;
  return addMonths(now, 12 * validityYears).toISOString().slice(0, 10);
}
