/**
 * `npm run test:reliability` (and `-- --short`, which .ci/run calls): fault injection against the real processes.
 * Each scenario prints one PASS or FAIL line with its counts; a capability that has not been built prints
 * `FAIL (not available: ...)`, never a pass. The last line is `N passed, N failed`; the exit code is 1 when any
 * scenario failed.
 *
 * It uses the machine's PostgreSQL (a database per scenario; BENCH_DATABASE_URL or DATABASE_URL to point
 * elsewhere), a Redis server of its own on port 6391 (so stopping it disturbs nobody; always shut down at the
 * end), an embedded PostgreSQL of its own for the restart scenario, and an SMTP server in this process.
 * `--only name[,name]` runs some scenarios (kill, stop, term, redis, postgres, concurrency, scale).
 */
import 'reflect-metadata';
import { PrivateRedis } from './support/redis';
import { line, type ScenarioResult } from './support/result';
import { workerKills, workerStop, workerTerm } from './scenarios/worker-kills';
import { redisDown } from './scenarios/redis-down';
import { concurrentTransitions } from './scenarios/concurrency';
import { postgresRestart } from './scenarios/postgres-restart';
import { scaleOut } from './scenarios/scale-out';

const SHORT = process.argv.includes('--short');
const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
const ONLY = process.argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;

type Scenario = { key: string; run: (redisUrl: string, redis: PrivateRedis) => Promise<ScenarioResult | ScenarioResult[]> };

const SCENARIOS: Scenario[] = [
  { key: 'kill', run: (r) => workerKills(r, SHORT ? 300 : 1000) },
  { key: 'stop', run: (r) => workerStop(r, SHORT ? 100 : 300) },
  { key: 'term', run: (r) => workerTerm(r, SHORT ? 100 : 300) },
  { key: 'redis', run: (_r, redis) => redisDown(redis, SHORT ? 60 : 150) },
  { key: 'postgres', run: (r) => postgresRestart(r, SHORT ? 25 : 40) },
  { key: 'concurrency', run: (r) => concurrentTransitions(r) },
  { key: 'scale', run: (r) => scaleOut(r, SHORT ? 40 : 120, SHORT ? 100 : 300) },
];

async function main(): Promise<number> {
  const redis = new PrivateRedis();
  const results: ScenarioResult[] = [];
  try {
    await redis.start();
    for (const s of SCENARIOS) {
      if (ONLY && !ONLY.has(s.key)) continue;
      const t0 = Date.now();
      let rs: ScenarioResult[];
      try {
        await redis.start();
        const out = await s.run(redis.url, redis);
        rs = Array.isArray(out) ? out : [out];
      } catch (e) {
        rs = [{ name: s.key, status: 'fail', counts: {}, note: `error: ${(e as Error).message.split('\n').slice(0, 3).join(' / ')}` }];
      }
      for (const r of rs) {
        r.counts.seconds = Math.round((Date.now() - t0) / 1000);
        results.push(r);
        console.log(line(r));
      }
    }
  } finally {
    // Always leave no server of ours behind (and never touch the machine's own Redis).
    redis.stop();
  }
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
