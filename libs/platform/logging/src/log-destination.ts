import pino from 'pino';

/** What a write waits for before it goes out: about 25 access lines. */
export const LOG_BUFFER_BYTES = 4096;
/** The longest a line waits in the buffer when traffic is too light to fill it. */
export const LOG_FLUSH_INTERVAL_MS = 1000;

export type LogDestination = ReturnType<typeof pino.destination>;

export interface LogDestinationOptions {
  /** A file descriptor or a path; standard output by default. */
  dest?: number | string;
  bufferBytes?: number;
  flushIntervalMs?: number;
}

/**
 * A buffered, asynchronous destination for the process's log lines (pino's sonic-boom with `sync: false`).
 *
 * Why: pino's default destination writes every line with its own synchronous `write(2)`. On `POST /status`, the
 * most called route, that one system call for the access line cost more than the rest of the line's work, on the
 * event loop. Here lines gather in memory and go out in writes of `bufferBytes`, off the event loop, and at least
 * every `flushIntervalMs` when traffic is light.
 *
 * What a stop costs: nothing on a graceful one. The application's shutdown flushes the buffer
 * (`LogFlushOnShutdown`), and pino flushes it synchronously on the process's `exit` event (a `process.exit()`,
 * an uncaught exception). An unclean end that runs no JavaScript (SIGKILL, the kernel's OOM killer, a power
 * cut) loses what was still in the buffer: under load about `bufferBytes` of lines (a little more while a write
 * is in flight), on a quiet process the lines of the last `flushIntervalMs` at most.
 */
export function createLogDestination(opts: LogDestinationOptions = {}): LogDestination {
  return pino.destination({
    dest: opts.dest ?? 1,
    sync: false,
    minLength: opts.bufferBytes ?? LOG_BUFFER_BYTES,
    periodicFlush: opts.flushIntervalMs ?? LOG_FLUSH_INTERVAL_MS,
  });
}

/** Writes what the buffer holds now, before returning (for a process about to stop). */
export function flushLogDestinationSync(destination: LogDestination): void {
  const state = destination as unknown as { destroyed: boolean; fd: number };
  if (state.destroyed || state.fd < 0) return;
  try {
    destination.flushSync();
  } catch {
    // Standard output closed under us (EPIPE): there is nowhere left to write, and the stop must go on.
  }
}

let processDestination: LogDestination | undefined;

/**
 * The process's one destination on standard output. nestjs-pino keeps one root logger per process (the first
 * application built wins), so the destination is one per process too, created on first use.
 */
export function processLogDestination(): LogDestination {
  processDestination ??= createLogDestination();
  return processDestination;
}
