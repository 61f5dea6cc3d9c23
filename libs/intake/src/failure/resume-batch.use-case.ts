import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { IntakeBatches } from '../batches/intake-batches.query';
import { ImportJobs } from '../import/import-jobs';
import { IntakeErrors } from '../intake.errors';

/**
 * Resumes a failed batch: back to `importing`, and a new 'intake.import' job (a new id: the failed job keeps its
 * own for inspection) that starts after the last committed line, as a retried job does. The rows imported before
 * the failure are not touched, so no one is registered twice. The office's staff resume; the audit names them.
 */
@Injectable()
export class ResumeBatch {
  constructor(
    private readonly transactions: Transactions,
    private readonly batches: IntakeBatches,
    private readonly jobs: ImportJobs,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, batchId: string): Promise<void> {
    const jobId = await this.transactions.run(async (m) => {
      const batch = await this.batches.load(actor, batchId, m, true);
      if (batch.status !== 'failed') throw IntakeErrors.notFailed(batch.status);
      await m.query(
        `update intake_batches set status = 'importing', failure_code = null, failure_detail = null, failed_at = null, resumed_count = resumed_count + 1, progress_at = now() where id = $1`,
        [batchId],
      );
      const id = await this.jobs.enqueue(m, batchId);
      await this.audit.record(m, {
        action: 'intake.batch_resumed',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'intake_batch',
        subjectId: batchId,
        details: {
          officeId: batch.office_id,
          failureCode: batch.failure_code,
          rowsImported: batch.rows_imported,
          rowsPending: batch.rows_staged - batch.rows_imported - batch.rows_for_review - batch.rows_refused,
          jobId: id,
        },
      });
      return id;
    });
    await this.jobs.addNow(batchId, jobId);
  }
}
