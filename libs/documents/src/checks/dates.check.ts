import type { DateRule } from '../checklist/checklist-rules';
import { flagged, passed, type Finding } from './finding';

export interface DocumentDates {
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface DateContext {
  /** The day of the check (YYYY-MM-DD). */
  today: string;
  /** The day the application was submitted (or created, for a draft). */
  applicationDate: string;
}

/**
 * Dates the category needs. Problems are flags, not rejections: the rule is the campaign's, but a caseworker may
 * accept other evidence of the same fact (DOMAIN.md: the appeal commission relaxed criteria more than once).
 */
export function checkDates(rule: DateRule | undefined, dates: DocumentDates, ctx: DateContext): Finding {
  if (!rule) return passed('dates');
  if (rule.notExpired) {
    if (!dates.expiresOn) return flagged('dates', 'expiry_date_missing', 'The expiry date of the identity document was not recorded.');
    if (dates.expiresOn < ctx.today) return flagged('dates', 'identity_document_expired', `The identity document expired on ${dates.expiresOn}.`);
  }
  const needsIssued = datesNeeded(rule).includes('issuedOn');
  if (needsIssued && !dates.issuedOn) return flagged('dates', 'issue_date_missing', 'The date of the document was not recorded.');
  const issued = dates.issuedOn!;
  if (rule.olderThanYears !== undefined) {
    const latest = addMonths(ctx.applicationDate, -12 * rule.olderThanYears);
    if (issued > latest) {
      return flagged('dates', 'document_too_recent', `The category needs a document dated on or before ${latest} (${rule.olderThanYears} years before the application).`);
    }
  }
  if (rule.onOrBefore !== undefined && issued > rule.onOrBefore) {
    return flagged('dates', 'document_too_recent', `The category needs a document dated on or before ${rule.onOrBefore}.`);
  }
  if (rule.newerThanMonths !== undefined) {
    const earliest = addMonths(ctx.today, -rule.newerThanMonths);
    if (issued < earliest) {
      return flagged('dates', 'document_too_old', `The category needs a document dated on or after ${earliest} (at most ${rule.newerThanMonths} months old).`);
    }
  }
  if (issued > ctx.today) return flagged('dates', 'document_dated_in_future', `The document is dated ${issued}, after today.`);
  return passed('dates');
}

/**
 * The dates an uploader must record for the rule to be checked: the expiry of a document that must still be valid,
 * the date of one that must be old or recent enough. The checklist asks for them, so that a document uploaded without
 * them is not held for review only for want of a date.
 */
export function datesNeeded(rule: DateRule | undefined): (keyof DocumentDates)[] {
  if (!rule) return [];
  const needed: (keyof DocumentDates)[] = [];
  if (rule.olderThanYears !== undefined || rule.onOrBefore !== undefined || rule.newerThanMonths !== undefined) needed.push('issuedOn');
  if (rule.notExpired) needed.push('expiresOn');
  return needed;
}

/** Calendar arithmetic on YYYY-MM-DD; the 29th-31st of a short month clamps to its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
