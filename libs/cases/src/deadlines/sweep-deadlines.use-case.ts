import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { milestonesDue, type Milestone } from '../domain/deadlines/deadline-arithmetic';
import { stateOf, type ClockKind } from '../domain/workflow/workflow-definition';
import { workflowFor } from '../domain/workflow/workflows';
import { ApplicantNotifier } from '../notify/applicant-notifier';
import { Application } from '../persistence/application.entity';
import { PerformTransition } from '../transitions/perform-transition.use-case';

export interface SweepReport {
  clocksHandled: number;
  transitions: number;
  escalations: number;
  reminders: number;
  /** Files whose clock has ended and that wait on a person (escalated now or before). */
  overdueFiles: number;
  /** Clocks whose effect failed in this run (logged, retried by the next run). */
  failed: number;
}

interface DueClock {
  id: string;
  application_id: string;
  clock: ClockKind;
  started_at: Date;
  due_at: Date;
  milestones: { milestone: Milestone; at: string }[];
  fired: Milestone[];
}

/**
 * Applies what the end of a clock means. An unappealed refusal closes, an expired card with no request lapses (the
 * system's transition of the state's `onClockEnd`); a clock that ends with no such action (a request for
 * information unanswered, a review overdue) is escalated. Renewal reminders go out on their day.
 *
 * Each clock is handled in its own transaction, picked with `FOR UPDATE SKIP LOCKED`, and every milestone is marked
 * fired in the same transaction as its effect: two sweeps at once share the work, and a second run finds nothing.
 */
@Injectable()
export class SweepDeadlines {
  private readonly logger = new Logger(SweepDeadlines.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly transitions: PerformTransition,
    private readonly notifier: ApplicantNotifier,
    private readonly audit: AuditTrail,
  ) {}

  async run(now = new Date(), opts: { applicationId?: string; max?: number } = {}): Promise<SweepReport> {
    const report: SweepReport = { clocksHandled: 0, transitions: 0, escalations: 0, reminders: 0, overdueFiles: 0, failed: 0 };
    const max = opts.max ?? 5000;
    // A clock whose effect fails (a bug, a file in an unexpected shape) is skipped for the rest of this run and
    // retried on the next one, so that one bad file never stops every other file's clock.
    const failed: string[] = [];
    while (report.clocksHandled < max) {
      let picked: string | null = null;
      let handled: boolean;
      try {
        handled = await this.transactions.run(async (m) => {
          const params: unknown[] = [now, failed];
          let extra = '';
          if (opts.applicationId) {
            params.push(opts.applicationId);
            extra = 'and application_id = $3';
          }
          const [clock]: DueClock[] = await m.query(
            `select id, application_id, clock, started_at, due_at, milestones, fired from case_deadlines
              where stopped_at is null and next_at is not null and next_at <= $1 and id <> all($2::uuid[]) ${extra}
              order by next_at limit 1 for update skip locked`,
            params,
          );
          if (!clock) return false;
          picked = clock.id;
          await this.handle(m, clock, now, report);
          return true;
        });
      } catch (err) {
        if (!picked) throw err;
        failed.push(picked);
        this.logger.error({ deadlineId: picked, err: err instanceof Error ? err.message : String(err) }, 'clock could not be applied; retried next sweep');
        continue;
      }
      if (!handled) break;
      report.clocksHandled++;
    }
    report.failed = failed.length;
    const [overdue]: { n: string }[] = await this.transactions.dataSource.query(
      `select count(*) as n from case_deadlines where stopped_at is null and due_at < $1`,
      [now],
    );
    report.overdueFiles = Number(overdue?.n ?? 0);
    if (report.clocksHandled) this.logger.log({ ...report }, 'deadline sweep');
    return report;
  }

  private async handle(m: EntityManager, clock: DueClock, now: Date, report: SweepReport): Promise<void> {
    const schedule = {
      clock: clock.clock,
      startedAt: clock.started_at,
      dueAt: clock.due_at,
      milestones: clock.milestones.map((x) => ({ milestone: x.milestone, at: new Date(x.at) })),
    };
    const due = milestonesDue(schedule, new Set(clock.fired), now);
    const a = await m.findOneByOrFail(Application, { id: clock.application_id });
    const fired = [...clock.fired, ...due];
    const next = schedule.milestones.find((x) => !fired.includes(x.milestone))?.at ?? null;
    // Marked first: if the transition below stops this clock, it sets next_at to null after us.
    await m.query(`update case_deadlines set fired = $2, next_at = $3 where id = $1`, [clock.id, fired, next]);

    for (const milestone of due) {
      if (milestone.startsWith('reminder_')) {
        const days = Number(milestone.slice('reminder_'.length));
        await this.notifier.tell(m, {
          applicationId: a.id,
          applicantId: a.applicantId,
          historyId: null,
          type: 'renewal_reminder',
          occurrenceKey: `${days}d:${a.cardExpiresOn}`,
          params: { reference: a.reference, expiresOn: a.cardExpiresOn ?? undefined, daysBefore: days },
        });
        report.reminders++;
      } else if (milestone === 'end') {
        const state = stateOf(workflowFor(a.kind), a.state);
        if (state?.clock === clock.clock && state.onClockEnd) {
          await this.transitions.within(m, SYSTEM_ACTOR, a.id, { action: state.onClockEnd }, now);
          report.transitions++;
        } else {
          await m.query(`update case_deadlines set escalated_at = $2 where id = $1`, [clock.id, now]);
          await this.audit.record(m, {
            action: 'case.deadline_escalated',
            actorId: null,
            actorRole: 'system',
            subjectType: 'application',
            subjectId: a.id,
            applicationId: a.id,
            details: { clock: clock.clock, deadlineId: clock.id, state: a.state },
          });
          report.escalations++;
        }
      }
    }
  }
}
