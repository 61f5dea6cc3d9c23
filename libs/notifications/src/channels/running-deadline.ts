import { DeliveryFailed } from './delivery-channel.port';

const TICK_MS = 250;
/** A gap between ticks longer than this is time the process did not run (SIGSTOP, a paused VM), not waiting. */
const MAX_COUNTED_GAP_MS = 4 * TICK_MS;

/**
 * Runs `work` with a deadline that counts only the time this process runs. A plain timer (setTimeout, a socket
 * timeout, AbortSignal.timeout) that expires while the process is frozen fires as soon as it wakes, in the event
 * loop's timer phase, before the poll phase reads the answer already waiting in the socket: a message the provider
 * accepted would be reported as a timeout and sent again. Here a frozen stretch counts as at most one second, so
 * the answer is read first. The signal aborts `work` when the deadline passes; `work`'s own late outcome is then
 * ignored (caught, so it cannot become an unhandled rejection).
 */
export function withRunningDeadline<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let elapsed = 0;
  let last = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setInterval(() => {
      const now = performance.now();
      elapsed += Math.min(now - last, MAX_COUNTED_GAP_MS);
      last = now;
      if (elapsed < ms) return;
      const failure = new DeliveryFailed(`${what} did not answer in time`, true, 'TIMEOUT');
      controller.abort(failure);
      reject(failure);
    }, TICK_MS);
  });
  const running = work(controller.signal);
  running.catch(() => undefined);
  return Promise.race([running, expired]).finally(() => clearInterval(timer));
}
