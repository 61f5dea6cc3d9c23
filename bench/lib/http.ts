import { cpuMs, peakRssMb, resetPeakRss } from './proc';
import type { RoundMeasure } from './compare';

// autocannon ships no types; this is the part of its programmatic API used here.
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | undefined;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}
interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats?: Record<string, { count: number }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export interface HttpLoad {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: AutocannonRequest[];
  /** Status codes that count as a successful answer (anything else is an error). */
  expectStatus?: number[];
  /** A fixed request rate (for the soak); unlimited when absent. */
  overallRate?: number;
}

/**
 * One round of HTTP load with autocannon against a server process; the peak RSS of `pids` is reset before and
 * read after, so the figure belongs to this round.
 */
export async function httpRound(load: HttpLoad, pids: Record<string, number>): Promise<RoundMeasure> {
  for (const pid of Object.values(pids)) resetPeakRss(pid);
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.durationSeconds,
    requests: load.requests,
    overallRate: load.overallRate,
    timeout: 10,
  });
  const codes = result.statusCodeStats ?? {};
  const expected = new Set((load.expectStatus ?? [200]).map(String));
  let ok = 0;
  let bad = 0;
  for (const [code, { count }] of Object.entries(codes)) {
    if (expected.has(code)) ok += count;
    else bad += count;
  }
  if (!result.statusCodeStats) ok = result['2xx'];
  const peak: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) peak[name] = peakRssMb(pid);
  return {
    ops: ok,
    seconds: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: bad + result.errors + result.timeouts,
    peakRssMb: peak,
    cpuMsPerOp: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpuMs(pid) - cpu0[k]!) / Math.max(1, ok + bad)])),
    extra: { statusCodes: JSON.stringify(Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, v.count]))) },
  };
}
