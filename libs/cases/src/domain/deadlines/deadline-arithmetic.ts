import type { ClockKind } from '../workflow/workflow-definition';
import type { AsylumModality, ClockPolicy } from './clock-policy';

const DAY_MS = 86_400_000;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/**
 * Calendar months, keeping the time of day; a day that does not exist in the target month falls on its last day
 * (31 December + 2 months = 28 or 29 February), so a deadline never spills into the month after.
 */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

/**
 * A point on a clock. `end` is the clock's end (what the state's `onClockEnd` applies, or an escalation);
 * the others are reminders or the date told to the applicant.
 */
export type Milestone = 'end' | 'appeal_deadline' | 'card_expiry' | `reminder_${number}`;

export interface ClockSchedule {
  clock: ClockKind;
  startedAt: Date;
  /** The date the work is due (shown in queues and to the applicant). */
  dueAt: Date;
  milestones: { milestone: Milestone; at: Date }[];
}

export interface ClockContext {
  /** For an information request: the due date the caseworker set, if not the default. */
  dueAt?: Date | null;
  /** For renewals: the day the current card expires. */
  cardExpiresAt?: Date | null;
  modality?: AsylumModality | null;
}

/** When a clock started now is due, and the points in time at which the sweep must act. */
export function scheduleClock(clock: ClockKind, startedAt: Date, policy: ClockPolicy, ctx: ClockContext = {}): ClockSchedule {
  switch (clock) {
    case 'provincial_review': {
      const due = addMonths(startedAt, policy.provincialReviewMonths);
      return { clock, startedAt, dueAt: due, milestones: [{ milestone: 'end', at: due }] };
    }
    case 'information_request': {
      const due = ctx.dueAt ?? addDays(startedAt, policy.informationRequestDays);
      return { clock, startedAt, dueAt: due, milestones: [{ milestone: 'end', at: due }] };
    }
    case 'appeal_window': {
      const deadline = addDays(startedAt, policy.appealWindowDays);
      return {
        clock,
        startedAt,
        dueAt: deadline,
        milestones: [
          { milestone: 'appeal_deadline', at: deadline },
          { milestone: 'end', at: addDays(deadline, policy.appealGraceDays) },
        ],
      };
    }
    case 'asylum_decision': {
      const due = addDays(startedAt, policy.asylumDecisionDays[ctx.modality ?? 'regular']);
      return { clock, startedAt, dueAt: due, milestones: [{ milestone: 'end', at: due }] };
    }
    case 'card_expiry': {
      if (!ctx.cardExpiresAt) throw new Error('A card-expiry clock needs the expiry date of the card');
      const expiry = ctx.cardExpiresAt;
      const reminders = [...policy.renewalReminderDaysBefore]
        .sort((a, b) => b - a)
        .map((days) => ({ milestone: `reminder_${days}` as Milestone, at: addDays(expiry, -days) }))
        // A reminder whose day has already passed when the file opens is not sent late.
        .filter((r) => r.at.getTime() >= startedAt.getTime());
      return {
        clock,
        startedAt,
        dueAt: expiry,
        milestones: [...reminders, { milestone: 'card_expiry', at: expiry }, { milestone: 'end', at: addDays(expiry, policy.lapseGraceDays) }],
      };
    }
  }
}

/** Milestones whose time has come and that have not fired yet: the sweep's work, in the order they fall. */
export function milestonesDue(schedule: ClockSchedule, fired: ReadonlySet<Milestone>, now: Date): Milestone[] {
  return schedule.milestones.filter((m) => m.at.getTime() <= now.getTime() && !fired.has(m.milestone)).map((m) => m.milestone);
}
