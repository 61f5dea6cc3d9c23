import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobCatalogue } from '@masar/queue';
import { OpenDueRenewals } from './open-due-renewals.use-case';
import { SweepDeadlines } from './sweep-deadlines.use-case';

/**
 * The 'cases' queue: the periodic sweep of every clock (and the opening of renewal files for cards coming due), and 'cases.clock.changed' jobs that the outbox releases at
 * the moment a milestone falls due, which sweep that one file. Both are idempotent: a milestone is fired once.
 */
@Processor('cases')
export class CasesProcessor extends WorkerHost {
  private readonly logger = new Logger(CasesProcessor.name);

  constructor(
    private readonly sweep: SweepDeadlines,
    private readonly renewals: OpenDueRenewals,
  ) {
    super();
  }

  async process(job: Pick<Job, 'name' | 'data' | 'id'>): Promise<unknown> {
    switch (job.name) {
      case 'cases.deadlines.sweep': {
        const data = job.data as JobCatalogue['cases.deadlines.sweep'];
        const at = data.at ? new Date(data.at) : new Date();
        const renewals = await this.renewals.run(at);
        return { ...(await this.sweep.run(at)), renewalsOpened: renewals.opened };
      }
      case 'cases.clock.changed': {
        const data = job.data as JobCatalogue['cases.clock.changed'];
        return this.sweep.run(new Date(), { applicationId: data.applicationId });
      }
      default:
        this.logger.warn({ job: job.name, id: job.id }, 'job not handled by the cases processor');
        throw new Error(`CasesProcessor does not handle ${job.name}`);
    }
  }
}
