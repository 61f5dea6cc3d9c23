import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobName, JobPayload } from '@masar/queue';
import { RefreshReportSummaries } from './reports/refresh-report-summaries.use-case';
import { RetentionSweep } from './retention/retention-sweep.use-case';
import { DrawQualitySample } from './sampling/draw-quality-sample.use-case';

/**
 * The 'supervision' queue's one processor (bullmq hands any job of a queue to any of its workers, so one processor
 * dispatches by job name). Each job is idempotent: a refresh recomputes, the sampling of a week happens once, an
 * erased file is never erased again. A job of an unknown name fails and is kept for inspection.
 */
@Processor('supervision')
export class SupervisionProcessor extends WorkerHost {
  constructor(
    private readonly refresh: RefreshReportSummaries,
    private readonly sampling: DrawQualitySample,
    private readonly retention: RetentionSweep,
  ) {
    super();
  }

  async process(job: Pick<Job, 'name' | 'id' | 'data'>): Promise<unknown> {
    const name = job.name as JobName;
    switch (name) {
      case 'supervision.reports-refresh':
        return this.refresh.execute();
      case 'supervision.quality-sampling': {
        const data = (job.data ?? {}) as JobPayload<'supervision.quality-sampling'>;
        return this.sampling.execute({ week: data.week });
      }
      case 'supervision.retention-sweep':
        return this.retention.execute();
      default:
        throw new Error(`SupervisionProcessor got job ${job.name}; the supervision queue runs only supervision.* jobs`);
    }
  }
}
