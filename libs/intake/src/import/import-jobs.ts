import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { JobCatalogue } from '@masar/queue';
import { Outbox } from '@masar/outbox';

/** The states of a job that will still run (or runs): a job only in the failed or completed set is not live. */
const LIVE_STATES = ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'] as const;

/**
 * A new 'intake.import' job for a batch (resumed or re-queued): a new id, so the failed job keeps its own. The
 * outbox message, written in the caller's transaction, is the guarantee; adding it to the queue once committed
 * saves waiting for the relay.
 */
@Injectable()
export class ImportJobs {
  private readonly logger = new Logger(ImportJobs.name);

  constructor(
    private readonly outbox: Outbox,
    @InjectQueue('intake') private readonly queue: Queue,
  ) {}

  async enqueue(m: EntityManager, batchId: string): Promise<string> {
    const jobId = randomUUID();
    await this.outbox.add(m, 'intake.import', { batchId }, { id: jobId });
    return jobId;
  }

  /** After the commit of enqueue(). */
  async addNow(batchId: string, jobId: string): Promise<void> {
    await this.queue.add('intake.import', { batchId }, { jobId }).catch((err: unknown) => {
      this.logger.warn({ err, batchId }, 'intake job not queued directly; the outbox relay will queue it');
    });
  }

  /** The batches that have an import job the queue will still run. Throws when the queue cannot be read. */
  async liveBatchIds(): Promise<Set<string>> {
    const jobs = await this.queue.getJobs([...LIVE_STATES]);
    return new Set(jobs.filter((j) => j?.name === 'intake.import').map((j) => (j.data as JobCatalogue['intake.import']).batchId));
  }
}
