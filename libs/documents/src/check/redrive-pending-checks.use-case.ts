import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/** Longer than any check takes, even behind a long queue: only a job that is gone leaves a document this old. */
export const REDRIVE_AFTER_MINUTES = 10;
const BATCH = 1000;
/** How often each worker process looks (MASAR_DOCUMENTS_REDRIVE_EVERY_MS; MASAR_DOCUMENTS_REDRIVE=off to stop it). */
const DEFAULT_EVERY_MS = 5 * 60_000;

/**
 * Puts the check of a document back on the queue when its job was lost: the outbox had published it, then the
 * queue lost it (Redis stopped without saving, a flushed queue). The job id is the document id, so a check that is
 * still waiting, running or kept as failed is left alone (bullmq ignores an id it holds); only a missing job is
 * added again. Running it twice, or in several workers at once, changes nothing.
 *
 * It runs on a timer in every worker process, not only as the scheduled 'documents.redrive' job: a job scheduler
 * lives in the queue, and the queue losing its contents (Redis stopped with `shutdown nosave`, no persistence) is
 * exactly when this is needed, and would take the schedule with it until a worker restarts.
 */
@Injectable()
export class RedrivePendingChecks implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RedrivePendingChecks.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue('documents') private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.MASAR_DOCUMENTS_REDRIVE === 'off') return;
    const everyMs = Number(process.env.MASAR_DOCUMENTS_REDRIVE_EVERY_MS) || DEFAULT_EVERY_MS;
    this.timer = setInterval(() => {
      if (this.running) return; // a run waits while the queue is unreachable; do not pile more behind it
      this.running = this.execute()
        .catch((err: Error) => this.logger.warn({ err: err?.message }, 'document check redrive failed; will try again'))
        .finally(() => (this.running = null));
    }, everyMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A run blocked on an unreachable queue must not hold the shutdown: it changes nothing if cut short.
    await Promise.race([this.running, new Promise((r) => setTimeout(r, 5000).unref())]);
  }

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
