import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobCatalogue } from '@masar/queue';
import { ImportBatch } from './import-batch.use-case';

/**
 * The 'intake' queue: 'intake.import' runs a batch's remaining chunks. The batch id is the job id (outbox and
 * direct add give the same job); a retried or repeated job resumes after the last committed chunk.
 */
@Processor('intake')
export class IntakeProcessor extends WorkerHost {
  private readonly logger = new Logger(IntakeProcessor.name);

  constructor(private readonly importBatch: ImportBatch) {
    super();
  }

  async process(job: Pick<Job, 'name' | 'data' | 'id'>): Promise<unknown> {
    if (job.name !== 'intake.import') {
      this.logger.warn({ job: job.name, id: job.id }, 'job not handled by the intake processor');
      throw new Error(`IntakeProcessor does not handle ${job.name}`);
    }
    const { batchId } = job.data as JobCatalogue['intake.import'];
    return { chunks: await this.importBatch.run(batchId) };
  }
}
