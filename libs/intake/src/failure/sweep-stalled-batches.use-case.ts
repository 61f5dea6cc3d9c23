import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { ImportJobs } from '../import/import-jobs';
import { INTAKE_OPTIONS, type IntakeOptions } from '../intake.options';
import { FailBatch } from './fail-batch.use-case';
import { ImportFailureCode } from './import-failure';

/** Automatic re-queues of one batch before the sweep fails it (the count is kept across resumes). */
export const MAX_SWEEP_REQUEUES = 3;

export interface SweepResult {
  requeued: string[];
  failed: string[];
}

/**
 * Finds the batches left `importing` with no import that will run: the job's retries spent while PostgreSQL was
 * down (so the batch could not be marked failed), or the job lost with the queue's store. Such a batch has both
 * - no progress for longer than `stalledAfterMs` (`progress_at`, moved by every committed chunk, the upload, a
 *   resume and a re-queue), and
 * - no job of its in the queue that will still run (active, waiting, delayed...).
 * Either test alone is not enough: a batch waiting behind another office's long batch makes no progress for
 * minutes with a live job; a batch just uploaded or resumed has no job in the queue until the outbox relay runs.
 * Each is re-queued (a new job that goes on after the last committed chunk, audited `intake.batch_requeued`), up to
 * MAX_SWEEP_REQUEUES times, then failed with `INTAKE_IMPORT_WORKER_LOST` (audited `intake.batch_failed`, resumable).
 *
 * The batches are taken `for update skip locked`, in one transaction: two workers sweeping at once take different
 * batches, a chunk being imported (its batch row locked) is skipped, and the progress or status is read again under
 * the lock, so a batch that moved since the queue was read is left alone. If the queue cannot be read the sweep
 * does nothing (it throws; the next tick tries again).
 */
@Injectable()
export class SweepStalledBatches {
  private readonly logger = new Logger(SweepStalledBatches.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: ImportJobs,
    private readonly failBatch: FailBatch,
    private readonly audit: AuditTrail,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  async run(stalledAfterMs = this.options.stalledAfterMs): Promise<SweepResult> {
    const live = await this.jobs.liveBatchIds();
    const queued: { batchId: string; jobId: string }[] = [];
    const result = await this.transactions.run(async (m) => {
      const batches: { id: string; office_id: string; requeued_count: number; rows_imported: number; rows_for_review: number; rows_refused: number; rows_staged: number }[] = await m.query(
        `select id, office_id, requeued_count, rows_imported, rows_for_review, rows_refused, rows_staged from intake_batches
          where status = 'importing' and progress_at < now() - make_interval(secs => $1::float8 / 1000)
          order by progress_at limit 100
          for update skip locked`,
        [stalledAfterMs],
      );
      const out: SweepResult = { requeued: [], failed: [] };
      for (const b of batches) {
        if (live.has(b.id)) continue;
        if (b.requeued_count >= MAX_SWEEP_REQUEUES) {
          await this.failBatch.within(m, b.id, {
            transient: false,
            code: ImportFailureCode.WorkerLost,
            detail: `The import stopped without a job to go on (its retries ran out while the database was down, or the queue lost it) and was re-queued ${b.requeued_count} times.`,
          });
          out.failed.push(b.id);
          continue;
        }
        await m.query(`update intake_batches set requeued_count = requeued_count + 1, progress_at = now() where id = $1`, [b.id]);
        const jobId = await this.jobs.enqueue(m, b.id);
        await this.audit.record(m, {
          action: 'intake.batch_requeued',
          actorId: null,
          actorRole: 'system',
          subjectType: 'intake_batch',
          subjectId: b.id,
          details: { officeId: b.office_id, rowsImported: b.rows_imported, rowsPending: b.rows_staged - b.rows_imported - b.rows_for_review - b.rows_refused, requeuedCount: b.requeued_count + 1, jobId },
        });
        queued.push({ batchId: b.id, jobId });
        out.requeued.push(b.id);
      }
      return out;
    });
    for (const q of queued) await this.jobs.addNow(q.batchId, q.jobId);
    if (result.requeued.length || result.failed.length) this.logger.warn(result, 'intake batches found importing without a live job');
    return result;
  }
}
