/** Tunables of delivery, with the defaults production uses; tests shorten the clocks. */
export interface NotificationsOptions {
  /** Attempts per delivery before it becomes a dead letter. */
  maxAttempts: number;
  /** First retry delay; each retry doubles it (with up to 20% jitter), capped at maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /**
   * When a job finds its delivery locked by another worker (one still sending, or frozen mid-send), it sends
   * nothing and queues a look again this much later, without counting a failure: by then the holder has recorded
   * the outcome, or died and released the lock.
   */
  busyRecheckMs: number;
  /** How often the worker looks for deliveries and notifications whose job was lost, and re-queues them. */
  redriveEveryMs: number;
  /** A delivery or notification untouched this long while unfinished is considered lost. */
  redriveAfterMs: number;
}

export const DEFAULT_NOTIFICATIONS_OPTIONS: NotificationsOptions = {
  maxAttempts: 6,
  baseBackoffMs: 30_000,
  maxBackoffMs: 6 * 3600_000,
  busyRecheckMs: 10_000,
  redriveEveryMs: 60_000,
  redriveAfterMs: 5 * 60_000,
};

export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

/** Delay before attempt `attempt + 1`, after `attempt` failures (1-based). */
export function backoffMs(attempt: number, options: Pick<NotificationsOptions, 'baseBackoffMs' | 'maxBackoffMs'>, random = Math.random): number {
  const exact = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (1 + 0.2 * random()));
}
