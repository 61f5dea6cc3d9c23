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
 */
export const SCHEDULES: Schedule[] = [
  { id: 'deadlines-sweep', queue: 'cases', job: 'cases.deadlines.sweep', everyMs: 5 * 60_000 },
  { id: 'documents-redrive', queue: 'documents', job: 'documents.redrive', everyMs: 5 * 60_000 },
  { id: 'audit-checkpoint', queue: 'audit', job: 'audit.checkpoint', everyMs: 15 * 60_000 },
  { id: 'reports-refresh', queue: 'supervision', job: 'supervision.reports-refresh', everyMs: 10 * 60_000 },
  { id: 'retention-sweep', queue: 'supervision', job: 'supervision.retention-sweep', everyMs: 24 * 3600_000 },
  { id: 'quality-sampling', queue: 'supervision', job: 'supervision.quality-sampling', everyMs: 7 * 24 * 3600_000 },
];

@Injectable()
export class Schedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Schedules.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectQueue('cases') private readonly cases: Queue,
    @InjectQueue('documents') private readonly documents: Queue,
    @InjectQueue('audit') private readonly audit: Queue,
    @InjectQueue('supervision') private readonly supervision: Queue,
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

  /** Puts back the schedulers a queue no longer has; returns their ids. */
  async restoreMissing(): Promise<string[]> {
    const restored: string[] = [];
    for (const s of SCHEDULES) {
      if (await this.queueOf(s.queue).getJobScheduler(s.id)) continue;
      await this.upsert(s);
      restored.push(s.id);
    }
    if (restored.length) this.logger.warn({ restored }, 'job schedules were missing from their queues (queue store emptied?) and are back');
    return restored;
  }

  private upsert(s: Schedule): Promise<unknown> {
    return this.queueOf(s.queue).upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.job, data: {} });
  }

  private queueOf(name: QueueName): Queue {
    const queues: Partial<Record<QueueName, Queue>> = { cases: this.cases, documents: this.documents, audit: this.audit, supervision: this.supervision };
    return queues[name]!;
  }
}
