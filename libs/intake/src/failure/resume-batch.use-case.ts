import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { Outbox } from '@masar/outbox';
import { IntakeBatches } from '../batches/intake-batches.query';
import { IntakeErrors } from '../intake.errors';

/**
 * Resumes a failed batch: back to `importing`, and a new 'intake.import' job (a new id: the failed job keeps its
 * own for inspection) that starts after the last committed line, as a retried job does. The rows imported before
 * the failure are not touched, so no one is registered twice. The office's staff resume; the audit names them.
 */
@Injectable()
export class ResumeBatch {
  private readonly logger = new Logger(ResumeBatch.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly batches: IntakeBatches,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectQueue('intake') private readonly queue: Queue,
  ) {}

  async execute(actor: Actor, batchId: string): Promise<void> {
    const jobId = randomUUID();
    await this.transactions.run(async (m) => {
      const batch = await this.batches.load(actor, batchId, m, true);
      if (batch.status !== 'failed') throw IntakeErrors.notFailed(batch.status);
      await m.query(
        `update intake_batches set status = 'importing', failure_code = null, failure_detail = null, failed_at = null, resumed_count = resumed_count + 1 where id = $1`,
        [batchId],
      );
      await this.outbox.add(m, 'intake.import', { batchId }, { id: jobId });
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
          rowsPending: batch.rows_staged - batch.rows_imported - batch.rows_for_review,
          jobId,
        },
      });
    });
    // As at upload: the outbox message is the guarantee, queueing now saves waiting for the relay.
    await this.queue.add('intake.import', { batchId }, { jobId }).catch((err: unknown) => {
      this.logger.warn({ err, batchId }, 'intake job not queued directly; the outbox relay will queue it');
    });
  }
}
