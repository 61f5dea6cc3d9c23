import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Longer than any check takes, even behind a long queue: only a job that is gone leaves a document this old. */
export const REDRIVE_AFTER_MINUTES = 10;
const BATCH = 1000;

/**
 * Puts the check of a document back on the queue when its job was lost: the outbox had published it, then the
 * queue lost it (Redis stopped without saving, a flushed queue). The job id is the document id, so a check that is
 * still waiting, running or kept as failed is left alone (bullmq ignores an id it holds); only a missing job is
 * added again. Running it twice, or in several workers at once, changes nothing.
 *
 * It runs as the scheduled 'documents.redrive' job (every 5 minutes, apps/worker/src/schedules.ts). A queue that
 * lost its jobs may have lost that scheduler too, or kept it without the job of its next run: every worker checks
 * the schedulers once a minute and puts back one missing or stalled, so the redrive comes back with no restart.
 * (It also ran on a timer in every worker process until that check existed.)
 */
@Injectable()
export class RedrivePendingChecks {
  private readonly logger = new Logger(RedrivePendingChecks.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue('documents') private readonly queue: Queue,
  ) {}

  async execute(olderThanMinutes = REDRIVE_AFTER_MINUTES): Promise<{ redriven: number }> {
    const rows: { id: string }[] = await this.dataSource.query(
      `select id from documents where status = 'pending_check' and uploaded_at < now() - make_interval(mins => $1) order by uploaded_at limit $2`,
      [olderThanMinutes, BATCH],
    );
    let redriven = 0;
    for (const { id } of rows) {
      const existing = await this.queue.getJob(id);
      if (existing) continue;
      await this.queue.add('documents.check', { documentId: id }, { jobId: id });
      redriven++;
    }
    if (redriven) this.logger.warn({ redriven, pendingSeen: rows.length }, 'document checks whose jobs were lost are queued again');
    return { redriven };
  }
}
