import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
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
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(Schedules.name);

  constructor(
    @InjectQueue('cases') private readonly cases: Queue,
    @InjectQueue('documents') private readonly documents: Queue,
    @InjectQueue('audit') private readonly audit: Queue,
    @InjectQueue('supervision') private readonly supervision: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env.MASAR_SCHEDULES === 'off') return;
    const queues: Partial<Record<QueueName, Queue>> = { cases: this.cases, documents: this.documents, audit: this.audit, supervision: this.supervision };
    for (const s of SCHEDULES) {
      await queues[s.queue]!.upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.job, data: {} });
    }
    this.logger.log({ schedules: SCHEDULES.map((s) => s.id) }, 'job schedules in place');
  }
}
