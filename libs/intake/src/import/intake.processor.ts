import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobCatalogue } from '@masar/queue';
import { FailBatch } from '../failure/fail-batch.use-case';
import { classifyImportFailure, ImportFailureCode, retriesSpent, type ImportFailure } from '../failure/import-failure';
import { SweepStalledBatches } from '../failure/sweep-stalled-batches.use-case';
import { ImportBatch } from './import-batch.use-case';

type IntakeJob = Pick<Job, 'name' | 'data' | 'id' | 'attemptsMade' | 'opts'>;

/** bullmq's words when a job's lock was lost (its worker killed) more often than maxStalledCount allows. */
const STALLED = /stalled more than allowable limit/i;

/**
 * The 'intake' queue: 'intake.import' runs a batch's remaining chunks; 'intake.sweep' (scheduled) re-queues or fails
 * the batches left `importing` without a live job (SweepStalledBatches). The batch id is the job id (outbox and
 * direct add give the same job; a resumed batch gets a job of its own); a retried, taken-over or repeated job
 * resumes after the last committed chunk.
 *
 * When a chunk fails, a transient error (a lost connection to PostgreSQL or Redis, a lock conflict, a timeout) is
 * retried by the queue with its backoff; a refusal that would come back the same (the cases context's, or
 * PostgreSQL's over a value or a constraint) fails the batch at once, without retries. Once the retries are spent
 * the batch is failed too: status, code and detail for the office, the rows already imported kept, and someone
 * resumes it. A worker killed mid-batch loses its lock: another worker (or the same one restarted) takes the job
 * over after the lock expires and goes on; a batch is long, so it may be taken over several times before the
 * queue gives up on it.
 */
@Processor('intake', { maxStalledCount: 5 })
export class IntakeProcessor extends WorkerHost {
  private readonly logger = new Logger(IntakeProcessor.name);

  constructor(
    private readonly importBatch: ImportBatch,
    private readonly failBatch: FailBatch,
    private readonly sweep: SweepStalledBatches,
  ) {
    super();
  }

  async process(job: IntakeJob): Promise<unknown> {
    if (job.name === 'intake.sweep') return this.sweep.run();
    if (job.name !== 'intake.import') {
      this.logger.warn({ job: job.name, id: job.id }, 'job not handled by the intake processor');
      throw new Error(`IntakeProcessor does not handle ${job.name}`);
    }
    const { batchId } = job.data as JobCatalogue['intake.import'];
    try {
      return { chunks: await this.importBatch.run(batchId) };
    } catch (err) {
      const failure = classifyImportFailure(err);
      const attempts = job.opts.attempts ?? 1;
      const last = job.attemptsMade + 1 >= attempts;
      this.logger.warn({ err, batchId, jobId: job.id, attempt: job.attemptsMade + 1, attempts, code: failure.code, transient: failure.transient }, 'intake chunk failed');
      if (failure.transient && !last) throw err;
      await this.fail(batchId, failure.transient ? retriesSpent(failure, attempts) : failure);
      throw failure.transient ? err : new UnrecoverableError(`${failure.code}: ${failure.detail}`);
    }
  }

  /**
   * The queue's last word on a job: also reached without process() catching anything, when the job stalled once
   * too often (its workers killed). Failing the batch twice changes nothing.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: IntakeJob | undefined, err: Error): Promise<void> {
    if (!job || job.name !== 'intake.import') return;
    const stalled = STALLED.test(err.message);
    if (!stalled && job.attemptsMade < (job.opts.attempts ?? 1) && !(err instanceof UnrecoverableError)) return;
    const { batchId } = job.data as JobCatalogue['intake.import'];
    const failure: ImportFailure = stalled
      ? { transient: false, code: ImportFailureCode.WorkerLost, detail: 'The workers importing this batch stopped (killed or restarted) more often than the queue allows.' }
      : retriesSpent(classifyImportFailure(err), job.attemptsMade);
    await this.fail(batchId, failure);
  }

  private async fail(batchId: string, failure: ImportFailure): Promise<void> {
    // With the database gone, the batch cannot be marked now: it stays 'importing', its job in the failed set.
    await this.failBatch.execute(batchId, failure).catch((e: unknown) => this.logger.error({ err: e, batchId, code: failure.code }, 'intake batch could not be marked failed'));
  }
}
