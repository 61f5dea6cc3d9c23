import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import type { JobPayload } from '@masar/queue';
import { CheckDocument, type CheckOutcome } from './check-document.use-case';
import { RedrivePendingChecks } from './redrive-pending-checks.use-case';

/**
 * The 'documents' queue carries 'documents.check' (the payload is an id only; the document is re-read from the
 * database, and a document already checked is left as it is) and the scheduled 'documents.redrive'.
 */
@Processor('documents')
export class DocumentCheckProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentCheckProcessor.name);

  constructor(
    private readonly checkDocument: CheckDocument,
    private readonly redrive: RedrivePendingChecks,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Most of a check waits on disk and clamd (image decoding runs in sharp's own threads): several per process.
    this.worker.concurrency = this.config.worker.concurrency;
  }

  /**
   * A check that failed on every attempt (clamd down for longer than the backoff covers) leaves its document pending:
   * say so loudly, with the ids an administrator needs to retry it from the queue dashboard.
   */
  @OnWorkerEvent('failed')
  onFailed(job: Pick<Job<JobPayload<'documents.check'>>, 'id' | 'data' | 'attemptsMade' | 'opts'> | undefined, err: Error): void {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error({ jobId: job.id, documentId: job.data.documentId, attempts: job.attemptsMade, err: err.message }, 'document check failed for good; the document stays pending until the job is retried');
  }

  async process(job: Pick<Job<JobPayload<'documents.check'>>, 'name' | 'id' | 'data'>): Promise<CheckOutcome | { redriven: number }> {
    if (job.name === 'documents.redrive') return this.redrive.execute();
    if (job.name !== 'documents.check') throw new Error(`the documents queue has no job ${job.name}`);
    const outcome = await this.checkDocument.execute(job.data.documentId);
    this.logger.log({ jobId: job.id, documentId: job.data.documentId, result: outcome.result, verdict: 'verdict' in outcome ? outcome.verdict : undefined }, 'document checked');
    return outcome;
  }
}
