import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@masar/outbox';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from '../domain/deadlines/clock-policy';
import { scheduleClock, type ClockContext } from '../domain/deadlines/deadline-arithmetic';
import type { ClockKind } from '../domain/workflow/workflow-definition';
import { SYSTEM_ENDED_CLOCKS } from '../domain/workflow/workflows';

/** A UUID derived from a text: the same milestone of the same clock always gives the same outbox (and job) id. */
export function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Starts and stops a file's clocks inside the transition's transaction. Each milestone is also written to the
 * outbox as a 'cases.clock.changed' job due at that moment (deterministic id), so the worker acts on time; the
 * periodic sweep is the safety net that finds anything a lost job missed.
 */
@Injectable()
export class CaseClocks {
  readonly policy: ClockPolicy = DEFAULT_CLOCK_POLICY;

  constructor(private readonly outbox: Outbox) {}

  async stop(manager: EntityManager, applicationId: string, clocks: ClockKind[], now: Date): Promise<void> {
    if (clocks.length === 0) return;
    await manager.query(
      `update case_deadlines set stopped_at = $3, next_at = null where application_id = $1 and clock = any($2) and stopped_at is null`,
      [applicationId, clocks, now],
    );
  }

  async start(manager: EntityManager, applicationId: string, clock: ClockKind, now: Date, ctx: ClockContext = {}): Promise<{ id: string; dueAt: Date }> {
    const s = scheduleClock(clock, now, this.policy, ctx);
    const next = s.milestones[0]?.at ?? null;
    const [row]: { id: string }[] = await manager.query(
      `insert into case_deadlines (application_id, clock, started_at, due_at, milestones, next_at)
       values ($1, $2, $3, $4, $5::jsonb, $6) returning id`,
      [applicationId, clock, now, s.dueAt, JSON.stringify(s.milestones.map((m) => ({ milestone: m.milestone, at: m.at.toISOString() }))), next],
    );
    await this.outbox.addMany(
      manager,
      s.milestones.map((m) => ({
        name: 'cases.clock.changed' as const,
        payload: { applicationId },
        options: { id: uuidFrom(`${row!.id}:${m.milestone}`), availableAt: m.at },
      })),
    );
    return { id: row!.id, dueAt: s.dueAt };
  }

  /**
   * The file's due date in the queues: the earliest running clock the office must act on, or none ('infinity').
   * The applicant's own deadlines that the system closes by itself (appeal window, card expiry) do not count.
   */
  async refreshDueAt(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.query(
      `update applications set due_at = coalesce((select min(due_at) from case_deadlines
                                                   where application_id = $1 and stopped_at is null and clock <> all($2::text[])), 'infinity')
        where id = $1`,
      [applicationId, SYSTEM_ENDED_CLOCKS],
    );
  }
}
