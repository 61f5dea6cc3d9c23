/**
 * `npm run test:reliability` (and `-- --short`, which .ci/run calls): fault injection against the real processes.
 * Each scenario prints one PASS or FAIL line with its counts and, in brackets, the queue backend it ran on; a
 * capability that has not been built, or a program this machine lacks, prints `FAIL (... not available: ...)`,
 * never a pass. The last line is `N passed, N failed`; the exit code is 1 when any scenario failed.
 *
 * It uses the machine's PostgreSQL (a database per scenario and backend; BENCH_DATABASE_URL or DATABASE_URL to
 * point elsewhere), a Redis server of its own on port 6391 (RELIABILITY_REDIS_PORT; so stopping it disturbs nobody;
 * always shut down at the end; it needs the `redis-server` and `redis-cli` programs), an embedded PostgreSQL of its
 * own for the restart scenario, and an SMTP server in this process. Two runs at once on one machine need their own
 * RELIABILITY_REDIS_PORT and RELIABILITY_RUN_ID (appended to the databases' names), and must not both run the
 * scenarios that serve HTTP (redis, postgres, concurrency, scale: fixed ports).
 *
 * `--only name[,name]` runs some scenarios (kill, stop, term, redis, postgres, concurrency, scale).
 *
 * Queue backends (`--backend redis|postgres|both`): Masar runs its queues on Redis (servers, a campaign) or on
 * bullmq's PostgreSQL backend (the embedded default), and a worker killed, frozen or terminated, or two of each
 * process, behave through the backend's locks, stall checks and job states, so those scenarios run on each:
 *   - kill, stop, term, scale: on both backends.
 *   - postgres (PostgreSQL restarted under load): on both. With Redis queues only the data goes down; on the
 *     PostgreSQL backend the queues live in the restarted server too, and the API must still answer 503, not 500
 *     or a crash, and come back by itself.
 *   - redis (Redis stopped 10 s): Redis only; the PostgreSQL backend has no Redis to stop.
 *   - concurrency (50 transitions and claims on one file): once; it goes through the API and the database alone
 *     (no job is queued: the API's outbox relay is off), so the backend changes nothing.
 * Full mode defaults to `both`. `--short` (CI) defaults to a split that keeps the suite's time near what it was with
 * one backend: kill on both (the exactly-once core); stop, and the PostgreSQL restart, on the PostgreSQL backend
 * (a frozen worker holds its queue connections there; there the queues go down with the data); term, scale and
 * concurrency on Redis (several processes against servers is the campaign set-up); redis on Redis. `--backend X`
 * overrides the split (X for every scenario that applies on X; `both` for all).
 */
import 'reflect-metadata';
import type { QueueBackendKind } from '@masar/queue';
import { queueTarget } from './support/fixture';
import { PrivateRedis, RedisServerUnavailable } from './support/redis';
import { line, type ScenarioResult } from './support/result';
import { workerKills, workerStop, workerTerm } from './scenarios/worker-kills';
import { redisDown } from './scenarios/redis-down';
import { concurrentTransitions } from './scenarios/concurrency';
import { postgresRestart } from './scenarios/postgres-restart';
import { scaleOut } from './scenarios/scale-out';

const SHORT = process.argv.includes('--short');
const argOf = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const onlyArg = argOf('--only');
const ONLY = onlyArg ? new Set(onlyArg.split(',')) : null;
const backendArg = argOf('--backend');
if (backendArg !== undefined && !['redis', 'postgres', 'both'].includes(backendArg)) {
  console.error(`--backend must be redis, postgres or both (got "${backendArg}")`);
  process.exit(2);
}

type Applies = 'both' | 'redis-only' | 'any';

interface Scenario {
  key: string;
  /** Named on a line when the scenario could not start (its own name comes from its result). */
  title: string;
  /** Where it applies: on both backends, on Redis only, or on any one (the backend changes nothing). */
  applies: Applies;
  /** The backend(s) of the short suite's default split. */
  short: QueueBackendKind[];
  /** `queue` is the scenario's `redisUrl`: a Redis URL, or '' for the PostgreSQL backend (see `queueTarget`). */
  run: (queue: string, redis: PrivateRedis) => Promise<ScenarioResult | ScenarioResult[]>;
}

const SCENARIOS: Scenario[] = [
  { key: 'kill', title: 'SIGKILL the worker 3 times', applies: 'both', short: ['redis', 'postgres'], run: (q) => workerKills(q, SHORT ? 300 : 1000) },
  { key: 'stop', title: 'SIGSTOP a worker past the job lock', applies: 'both', short: ['postgres'], run: (q) => workerStop(q, SHORT ? 100 : 300) },
  { key: 'term', title: 'SIGTERM the worker with jobs in flight', applies: 'both', short: ['redis'], run: (q) => workerTerm(q, SHORT ? 100 : 300) },
  { key: 'redis', title: 'Redis stopped 10 s', applies: 'redis-only', short: ['redis'], run: (_q, redis) => redisDown(redis, SHORT ? 60 : 150) },
  { key: 'postgres', title: 'PostgreSQL restarted under load', applies: 'both', short: ['postgres'], run: (q) => postgresRestart(q, SHORT ? 25 : 40) },
  { key: 'concurrency', title: '50 concurrent transitions and claims', applies: 'any', short: ['redis'], run: (q) => concurrentTransitions(q) },
  {
    key: 'scale',
    title: 'Two API and two worker processes',
    applies: 'both',
    short: ['redis'],
    run: (q) => scaleOut(q, SHORT ? 40 : 120, SHORT ? 100 : 300),
  },
];

/** The backends a scenario runs on, in this order, under the options given. */
function backendsOf(s: Scenario): QueueBackendKind[] {
  const chosen: QueueBackendKind[] = backendArg === 'redis' ? ['redis'] : backendArg === 'postgres' ? ['postgres'] : backendArg === 'both' || !SHORT ? ['redis', 'postgres'] : s.short;
  if (s.applies === 'redis-only') return chosen.includes('redis') ? ['redis'] : [];
  if (s.applies === 'any') return chosen.slice(0, 1);
  return chosen;
}

async function main(): Promise<number> {
  const redis = new PrivateRedis();
  const results: ScenarioResult[] = [];
  const t00 = Date.now();
  let usedRedis = false;
  try {
    for (const s of SCENARIOS) {
      if (ONLY && !ONLY.has(s.key)) continue;
      const backends = backendsOf(s);
      if (backends.length === 0) console.log(`(not run: ${s.key}, ${s.title}, applies to the Redis queue backend only, and --backend is ${backendArg})`);
      for (const backend of backends) {
        const t0 = Date.now();
        let rs: ScenarioResult[];
        try {
          // Started before each Redis run (a scenario may have stopped it); never needed on the PostgreSQL backend.
          if (backend === 'redis') {
            usedRedis = true;
            await redis.start();
          }
          const out = await s.run(queueTarget(backend, redis.url), redis);
          rs = Array.isArray(out) ? out : [out];
        } catch (e) {
          rs =
            e instanceof RedisServerUnavailable
              ? [{ name: s.title, status: 'na', missing: 'redis-server', note: e.message, counts: {} }]
              : [{ name: s.title, status: 'fail', counts: {}, note: `error: ${(e as Error).message.split('\n').slice(0, 3).join(' / ')}` }];
        }
        for (const r of rs) {
          r.backend = backend;
          r.counts.seconds = Math.round((Date.now() - t0) / 1000);
          results.push(r);
          console.log(line(r));
        }
      }
    }
  } finally {
    // Always leave no server of ours behind (and never touch the machine's own Redis); a run on the PostgreSQL
    // backend alone leaves the port alone.
    if (usedRedis) redis.stop();
  }
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed (${Math.round((Date.now() - t00) / 60_000)} min)`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
