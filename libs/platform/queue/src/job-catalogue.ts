/**
 * Every job Masar runs. A job name maps to its payload and its queue, so the compiler refuses a job nobody routes
 * and a handler that reads a field no producer writes. Payloads carry ids only: BullMQ keeps job data in clear, so
 * no personal data ever goes into a payload.
 */
/** One queue per context that runs jobs, so that each queue has one processor (bullmq hands a job to any worker of its queue). */
export const QUEUES = ['documents', 'notifications', 'cases', 'letters', 'audit', 'supervision', 'intake'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobCatalogue {
  /** Check one uploaded document (hash, type, malware, duplicates, dates). Idempotent by document id. */
  'documents.check': { documentId: string };
  /** Queue again the checks whose jobs the queue lost (documents pending for too long with no job). */
  'documents.redrive': Record<string, never>;
  /** Fan a domain event out to the applicant's channels. */
  'notifications.dispatch': { notificationId: string };
  /** Deliver one message on one channel (idempotency key per event, recipient and channel). */
  'notifications.deliver': { deliveryId: string };
  /** Apply what the end of a clock means; list overdue files. Repeatable; running it twice changes nothing. */
  'cases.deadlines.sweep': { at?: string };
  /** Start, stop or re-time a case clock (written by transitions through the outbox). */
  'cases.clock.changed': { applicationId: string };
  /** Render and store the decision letter of a decision. */
  'letters.decision': { applicationId: string; decisionId: string };
  /** Render and store the receipt of a submission. */
  'letters.receipt': { applicationId: string };
  /** Publish the audit chain head as a signed checkpoint. */
  'audit.checkpoint': Record<string, never>;
  /** Erase or anonymise personal data of closed files past retention. */
  'supervision.retention-sweep': Record<string, never>;
  /** Refresh the materialised report summaries. */
  'supervision.reports-refresh': Record<string, never>;
  /** Draw the weekly quality sample of decisions. */
  'supervision.quality-sampling': { week?: string };
  /** Import the valid staged rows of a CSV batch, chunk after chunk; resumes after its last committed chunk. */
  'intake.import': { batchId: string };
  /** Re-queue (or fail) the batches left importing with no progress and no live import job. Repeatable. */
  'intake.sweep': Record<string, never>;
}

export type JobName = keyof JobCatalogue;
export type JobPayload<N extends JobName> = JobCatalogue[N];

export const JOB_ROUTES: { readonly [N in JobName]: QueueName } = {
  'documents.check': 'documents',
  'documents.redrive': 'documents',
  'notifications.dispatch': 'notifications',
  'notifications.deliver': 'notifications',
  'cases.deadlines.sweep': 'cases',
  'cases.clock.changed': 'cases',
  'letters.decision': 'letters',
  'letters.receipt': 'letters',
  'audit.checkpoint': 'audit',
  'supervision.retention-sweep': 'supervision',
  'supervision.reports-refresh': 'supervision',
  'supervision.quality-sampling': 'supervision',
  'intake.import': 'intake',
  'intake.sweep': 'intake',
};

export function queueOf(name: JobName): QueueName {
  return JOB_ROUTES[name];
}

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_ROUTES, name);
}

/** Retry and retention defaults in one place. Failed jobs are kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** A typed job as a handler receives it. */
export interface TypedJob<N extends JobName> {
  id?: string;
  name: N;
  data: JobPayload<N>;
  attemptsMade: number;
}
