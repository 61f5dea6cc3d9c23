import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { JobName, QueueName } from '@masar/queue';

interface Schedule {
  id: string;
  queue: QueueName;
  job: JobName;
  everyMs: number;
}

/**
 * The repeatable jobs. Job schedulers are upserted by id, so any number of worker processes declaring them keep
 * one schedule each, and each tick runs once.
 *
 * A queue can lose its schedulers without any worker restarting: a Redis without persistence stopped with
 * `shutdown nosave` comes back empty. So every worker looks again every minute (MASAR_SCHEDULES_CHECK_MS) and puts
 * back any scheduler that is gone; one present is left alone, so its next tick does not move.
 *
 * It can also lose less: the scheduler kept but the job of its next run gone (the last writes before a crash with
 * `appendfsync everysec`, a worker that failed to schedule the next iteration). Such a scheduler never runs again,
 * since each run is what schedules the next. So a scheduler whose next run is over a minute late (STALL_GRACE_MS)
 * and whose job for that run does not exist is put back too. A run merely waiting behind a busy queue, or running,
 * still has its job and is left alone.
 */
export const SCHEDULES: Schedule[] = [
  { id: 'deadlines-sweep', queue: 'cases', job: 'cases.deadlines.sweep', everyMs: 5 * 60_000 },
  { id: 'documents-redrive', queue: 'documents', job: 'documents.redrive', everyMs: 5 * 60_000 },
  { id: 'audit-checkpoint', queue: 'audit', job: 'audit.checkpoint', everyMs: 15 * 60_000 },
  { id: 'reports-refresh', queue: 'supervision', job: 'supervision.reports-refresh', everyMs: 10 * 60_000 },
  { id: 'retention-sweep', queue: 'supervision', job: 'supervision.retention-sweep', everyMs: 24 * 3600_000 },
  { id: 'quality-sampling', queue: 'supervision', job: 'supervision.quality-sampling', everyMs: 7 * 24 * 3600_000 },
  { id: 'intake-sweep', queue: 'intake', job: 'intake.sweep', everyMs: 5 * 60_000 },
];

/** How late a scheduler's next run may be, its job gone, before it counts as lost (a pick-up takes milliseconds). */
export const STALL_GRACE_MS = 60_000;

@Injectable()
export class Schedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Schedules.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue('cases') private readonly cases: Queue,
    @InjectQueue('documents') private readonly documents: Queue,
    @InjectQueue('audit') private readonly audit: Queue,
    @InjectQueue('supervision') private readonly supervision: Queue,
    @InjectQueue('intake') private readonly intake: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.MASAR_SCHEDULES === 'off') return;
    for (const s of SCHEDULES) await this.upsert(s);
    this.logger.log({ schedules: SCHEDULES.map((s) => s.id) }, 'job schedules in place');
    const every = Number(process.env.MASAR_SCHEDULES_CHECK_MS ?? 60_000);
    this.timer = setInterval(() => {
      this.restoreMissing().catch((err: unknown) => this.logger.warn({ err }, 'could not check the job schedules; next check later'));
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Puts back the schedulers a queue no longer has, or has without the job of their next run; returns their ids. */
  async restoreMissing(now = Date.now()): Promise<string[]> {
    const restored: string[] = [];
    for (const s of SCHEDULES) {
      const queue = this.queueOf(s.queue);
      const scheduler = await queue.getJobScheduler(s.id);
      if (scheduler && !(await this.stalled(queue, s.id, scheduler.next, now))) continue;
      await this.upsert(s);
      restored.push(s.id);
    }
    if (restored.length) this.logger.warn({ restored }, 'job schedules were missing from their queues, or had lost the job of their next run (queue store emptied?), and are back');
    return restored;
  }

  /** The job of a scheduler's next run is named after it (bullmq: `repeat:<scheduler id>:<next run, ms>`). */
  private async stalled(queue: Queue, id: string, next: number | undefined, now: number): Promise<boolean> {
    if (next === undefined || next > now - STALL_GRACE_MS) return false;
    return !(await queue.getJob(`repeat:${id}:${next}`));
  }

  private upsert(s: Schedule): Promise<unknown> {
    return this.queueOf(s.queue).upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.job, data: {} });
  }

  private queueOf(name: QueueName): Queue {
    const queues: Partial<Record<QueueName, Queue>> = { cases: this.cases, documents: this.documents, audit: this.audit, supervision: this.supervision, intake: this.intake };
    return queues[name]!;
  }
}
