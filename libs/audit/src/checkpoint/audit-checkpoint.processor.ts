import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { JobName } from '@masar/queue';
import { PublishAuditCheckpoint } from './publish-audit-checkpoint.use-case';

export const AUDIT_CHECKPOINT_JOB: JobName = 'maintenance.audit-checkpoint';
/** How often the head is published: the longest stretch of history a whole-chain rewrite could go unnoticed in the database alone. */
export const AUDIT_CHECKPOINT_EVERY_MS = 5 * 60 * 1000;

/**
 * Runs 'maintenance.audit-checkpoint' on the maintenance queue. The maintenance queue carries other contexts'
 * jobs too: this processor takes only its own job name and refuses the others loudly, so a second processor on
 * the same queue must be replaced by one dispatcher (see the report in libs/audit/README.md).
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

/** Keeps one repeatable checkpoint job scheduled (idempotent: upserting the same scheduler id changes nothing). */
@Injectable()
export class AuditCheckpointSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditCheckpoint');

  constructor(@InjectQueue('maintenance') private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(AUDIT_CHECKPOINT_JOB, { every: AUDIT_CHECKPOINT_EVERY_MS }, { name: AUDIT_CHECKPOINT_JOB, data: {} });
    this.logger.log(`audit checkpoint scheduled every ${AUDIT_CHECKPOINT_EVERY_MS / 1000} s`);
  }
}
