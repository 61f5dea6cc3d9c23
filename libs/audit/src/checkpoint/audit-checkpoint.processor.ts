import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobName } from '@masar/queue';
import { PublishAuditCheckpoint } from './publish-audit-checkpoint.use-case';

export const AUDIT_CHECKPOINT_JOB: JobName = 'maintenance.audit-checkpoint';

/**
 * Runs 'maintenance.audit-checkpoint' (scheduled by the worker's Schedules). The maintenance queue carries other
 * contexts' jobs too, and BullMQ hands a job to any worker of its queue: this processor fails a job that is not its
 * own (kept as failed, for inspection) rather than pretend to have done it. Once the worker has one dispatcher for
 * the maintenance queue, it should call PublishAuditCheckpoint and this processor should go.
 */
@Processor('maintenance')
export class AuditCheckpointProcessor extends WorkerHost {
  constructor(private readonly publish: PublishAuditCheckpoint) {
    super();
  }

  async process(job: Pick<Job, 'name' | 'id'>): Promise<unknown> {
    if (job.name !== AUDIT_CHECKPOINT_JOB) throw new Error(`AuditCheckpointProcessor got job ${job.name}; the maintenance queue needs one dispatcher`);
    const published = await this.publish.execute();
    return published ? { seq: published.seq, written: published.written } : { seq: null, written: false };
  }
}
