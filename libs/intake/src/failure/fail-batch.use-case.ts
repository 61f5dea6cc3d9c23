import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@masar/audit';
import type { EntityManager } from 'typeorm';
import { Transactions } from '@masar/database';
import type { ImportFailure } from './import-failure';

/**
 * Marks a batch whose import failed for good: status `failed`, the failure's code and detail, and an audit event
 * with the progress it kept (every chunk committed before the failure stays imported). Only a batch still
 * `importing` changes, so a second report of the same failure (the job's catch, then the queue's failed event)
 * changes nothing.
 */
@Injectable()
export class FailBatch {
  private readonly logger = new Logger(FailBatch.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  execute(batchId: string, failure: ImportFailure): Promise<boolean> {
    return this.transactions.run((m) => this.within(m, batchId, failure));
  }

  /** The same, in the caller's transaction. */
  async within(m: EntityManager, batchId: string, failure: ImportFailure): Promise<boolean> {
    const rows: { office_id: string; rows_imported: number; rows_for_review: number; rows_refused: number; rows_staged: number }[] = await m.query(
      // Through a CTE: the ORM answers an UPDATE with [rows, count], a SELECT with the rows.
      `with failed as (
         update intake_batches set status = 'failed', failure_code = $2, failure_detail = $3, failed_at = now()
          where id = $1 and status = 'importing'
          returning office_id, rows_imported, rows_for_review, rows_refused, rows_staged)
       select * from failed`,
      [batchId, failure.code, failure.detail],
    );
    const b = rows[0];
    if (!b) return false;
    const pending = b.rows_staged - b.rows_imported - b.rows_for_review - b.rows_refused;
    this.logger.error({ batchId, code: failure.code, detail: failure.detail, imported: b.rows_imported, pending }, 'intake batch failed');
    await this.audit.record(m, {
      action: 'intake.batch_failed',
      actorId: null,
      actorRole: 'system',
      subjectType: 'intake_batch',
      subjectId: batchId,
      details: { officeId: b.office_id, failureCode: failure.code, rowsImported: b.rows_imported, rowsForReview: b.rows_for_review, rowsRefused: b.rows_refused, rowsPending: pending },
    });
    return true;
  }
}
