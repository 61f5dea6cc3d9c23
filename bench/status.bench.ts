/**
 * POST /status, full stack (the real API process: Nest on Fastify, validation pipe, rate-limit peeks per reference
 * and address, logging, the status context's use case) against a bare Fastify + pg server running the same indexed
 * statement and the same HMAC comparison. Both answer the same stream of (reference, access code) pairs drawn from a
 * seeded campaign, with autocannon from this process. Targets: throughput >= 0.75 of bare, p99 <= 2x bare.
 *
 * `--profile` measures nothing into bench/results: it preloads bench/lib/cpu-profiler.ts into both
 * servers, warms each up, profiles each under the same load (`--duration` seconds) and prints where the CPU went (self time
 * by package and the heaviest functions), the .cpuprofile files staying in .masar/bench-profiles for DevTools.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { argValue, hasFlag, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type Side } from './lib/compare';
import { httpRound, type AutocannonRequest } from './lib/http';
import { ROOT, startNode, type NodeProcess } from './lib/proc';
import { printProfileSummary } from './lib/profile-summary';
import { saveRecord } from './lib/results';
import { productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const ROUNDS = argValue('rounds', QUICK ? 3 : 6);
const DURATION = argValue('duration', QUICK ? 5 : 10);
const CONNECTIONS = argValue('connections', 16);
const PROFILE = hasFlag('profile');
const PROFILE_DIR = join(ROOT, '.masar', 'bench-profiles');

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed (the API runs on the Redis queue backend in production)');
  const c = await campaign(`campaign_${FILES}`, FILES);
  const env = productionEnv(c.db.url, { MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off' });
  const realPort = 3201;
  const barePort = 3202;
  mkdirSync(PROFILE_DIR, { recursive: true });
  const stamp = nowIso().replace(/[:]/g, '');
  const profiled = (name: string) =>
    PROFILE ? { nodeArgs: ['-r', join(ROOT, 'bench', 'lib', 'cpu-profiler.ts')], profile: { BENCH_PROFILE_FILE: join(PROFILE_DIR, `status-${name}-${stamp}.cpuprofile`) } } : { profile: {} };
  const realProf = profiled('api');
  const bareProf = profiled('bare');
  const real = await startNode('api', 'apps/api/src/main.ts', {
    env: { ...env, ...realProf.profile, PORT: String(realPort) },
    nodeArgs: realProf.nodeArgs,
    ready: /successfully started|listening/i,
  });
  const bare = await startNode('status-bare', 'bench/baselines/status-bare.ts', {
    env: { ...env, ...bareProf.profile, PORT: String(barePort) },
    nodeArgs: bareProf.nodeArgs,
    ready: /listening/,
  });
  let i = 0;
  const requests: AutocannonRequest[] = [
    {
      method: 'POST',
      path: '/status',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
      setupRequest: (req) => {
        const p = c.codes[i++ % c.codes.length]!;
        return { ...req, body: JSON.stringify({ reference: p.reference, accessCode: p.accessCode }) };
      },
    },
  ];
  const side = (name: string, port: number, pid: number): Side => ({
    name,
    run: () => httpRound({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, durationSeconds: DURATION, requests, expectStatus: [200] }, { [name]: pid }),
  });
  try {
    if (PROFILE) {
      for (const [s, proc, file] of [
        [side('api', realPort, real.pid), real, realProf.profile.BENCH_PROFILE_FILE!],
        [side('bare', barePort, bare.pid), bare, bareProf.profile.BENCH_PROFILE_FILE!],
      ] as const) {
        await s.run(-1, true);
        const m = await profileRound(proc, file, () => s.run(0, false));
        console.log(`${s.name}: ${(m.ops / m.seconds).toFixed(0)} req/s, p99 ${m.p99Ms} ms, CPU ms/op ${JSON.stringify(m.cpuMsPerOp)}`);
        printProfileSummary(s.name, file, m.ops);
      }
      return;
    }
    const cmp = await compare({
      bench: 'status',
      title: 'Status lookup (POST /status) vs bare Fastify + pg',
      unit: 'req',
      real: side('api', realPort, real.pid),
      bare: side('bare', barePort, bare.pid),
      warmup: 1,
      rounds: ROUNDS,
      targets: [
        { name: 'throughput ratio', figure: 'throughputRatio', op: '>=', target: 0.75 },
        { name: 'p99 ratio', figure: 'p99Ratio', op: '<=', target: 2 },
      ],
    });
    saveRecord({
      bench: 'status',
      title: cmp.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(c.db.url),
        Redis: await redisVersion(),
        files: FILES,
        'distinct references asked': c.codes.length,
        connections: CONNECTIONS,
        'seconds per round': DURATION,
        'API log level': env.LOG_LEVEL!,
      },
      comparison: cmp,
      checks: cmp.checks,
    });
  } finally {
    await real.stop();
    await bare.stop();
  }
}

/** Runs one round with the process's CPU profiler on (SIGWINCH starts it, SIGWINCH again writes the profile). */
async function profileRound<T>(proc: NodeProcess, file: string, round: () => Promise<T>): Promise<T> {
  const before = existsSync(file) ? statSync(file).mtimeMs : 0;
  process.kill(proc.pid, 'SIGWINCH');
  const result = await round();
  process.kill(proc.pid, 'SIGWINCH');
  for (let i = 0; i < 100 && (!existsSync(file) || statSync(file).mtimeMs === before); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  return result;
}

runMain(main);
