/**
 * Preloaded into a server process by the soak benchmark (`node -r .../loop-monitor.ts`), never part of the
 * application: every BENCH_MONITOR_EVERY_MS it appends one JSON line to BENCH_MONITOR_FILE with the event-loop
 * delay percentiles of that interval (perf_hooks.monitorEventLoopDelay, 10 ms resolution), the resident set and
 * the heap. No endpoint is added to the process.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_MONITOR_FILE;
if (file) {
  const every = Number(process.env.BENCH_MONITOR_EVERY_MS ?? 10000);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = Date.now();
  setInterval(() => {
    const m = process.memoryUsage();
    const line = {
      t: Math.round((Date.now() - t0) / 1000),
      p50: h.percentile(50) / 1e6,
      p99: h.percentile(99) / 1e6,
      max: h.max / 1e6,
      rssMb: m.rss / 2 ** 20,
      heapUsedMb: m.heapUsed / 2 ** 20,
    };
    h.reset();
    try {
      appendFileSync(file, JSON.stringify(line) + '\n');
    } catch {
      /* the benchmark reads what it can */
    }
  }, every).unref();
}
