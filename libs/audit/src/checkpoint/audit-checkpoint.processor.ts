import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobName } from '@masar/queue';
import { PublishAuditCheckpoint } from './publish-audit-checkpoint.use-case';

export const AUDIT_CHECKPOINT_JOB: JobName = 'audit.checkpoint';

/**
 * Runs 'audit.checkpoint' (scheduled by the worker's Schedules) on the audit context's own queue. A job of another
 * name is failed (kept for inspection) rather than pretended done.
 */
@Processor('audit')
export class AuditCheckpointProcessor extends WorkerHost {
  constructor(private readonly publish: PublishAuditCheckpoint) {
    super();
  }

  async process(job: Pick<Job, 'name' | 'id'>): Promise<unknown> {
    if (job.name !== AUDIT_CHECKPOINT_JOB) throw new Error(`AuditCheckpointProcessor got job ${job.name}; the audit queue runs only ${AUDIT_CHECKPOINT_JOB}`);
    const published = await this.publish.execute();
    return published ? { seq: published.seq, written: published.written } : { seq: null, written: false };
  }
}
