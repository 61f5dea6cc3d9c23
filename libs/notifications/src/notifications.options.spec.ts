import { backoffMs, DEFAULT_NOTIFICATIONS_OPTIONS } from './notifications.options';

describe('retry backoff', () => {
  const opts = { baseBackoffMs: 1000, maxBackoffMs: 10_000 };

  it('doubles after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, opts, () => 0))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('adds at most 20% jitter so that a burst of failures does not retry in lockstep', () => {
    expect(backoffMs(2, opts, () => 0.999)).toBe(2400);
    expect(backoffMs(2, opts, () => 0.5)).toBe(2200);
  });

  it('looks again at a busy delivery well before the redrive would', () => {
    expect(DEFAULT_NOTIFICATIONS_OPTIONS.busyRecheckMs).toBeLessThan(DEFAULT_NOTIFICATIONS_OPTIONS.redriveAfterMs);
  });
});
