import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayload } from '@masar/queue';
import { IssueDecisionLetter } from './issue-decision-letter.use-case';
import { IssueReceipt, type IssueOutcome } from './issue-receipt.use-case';

type LettersJobName = Extract<JobName, `letters.${string}`>;
/** Each job name with its own payload, so that the switch below narrows `data`. */
type LettersJob = { [N in LettersJobName]: { id?: string; name: N; data: JobPayload<N> } }[LettersJobName];

/**
 * The 'letters' queue: a receipt at submission, a letter per decision. Payloads carry ids; the handlers re-read
 * the file and skip, with a log line, what is gone. Rendering is CPU work of about a tenth of a second per letter,
 * so the default concurrency of one per process is kept: letters never starve the other queues of the event loop.
 */
@Processor('letters')
export class LettersProcessor extends WorkerHost {
  private readonly logger = new Logger(LettersProcessor.name);

  constructor(
    private readonly issueReceipt: IssueReceipt,
    private readonly issueDecisionLetter: IssueDecisionLetter,
  ) {
    super();
  }

  async process(bullJob: Pick<Job, 'id' | 'name' | 'data'>): Promise<IssueOutcome> {
    const job = bullJob as LettersJob;
    let outcome: IssueOutcome;
    switch (job.name) {
      case 'letters.receipt':
        outcome = await this.issueReceipt.execute(job.data.applicationId);
        break;
      case 'letters.decision':
        outcome = await this.issueDecisionLetter.execute(job.data.applicationId, job.data.decisionId);
        break;
      default:
        throw new Error(`the letters queue has no job ${(job as { name: string }).name}`);
    }
    this.logger.log({ jobId: job.id, job: job.name, applicationId: job.data.applicationId, result: outcome.result }, 'letter job done');
    return outcome;
  }
}
