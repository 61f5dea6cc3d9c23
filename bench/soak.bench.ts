/**
 * The soak: the real API (and the worker beside it) for ten minutes at half of the measured peak rate of the
 * campaign's most called routes (status lookups, with a work-queue page every tenth request). The peak is measured
 * first, on the same mix, for 20 seconds. An instrument preloaded into the API process (bench/lib/loop-monitor.ts,
 * no endpoint added) records the event-loop delay and memory every 10 seconds. Targets: memory (RSS) growth from
 * the second minute to the last under 10%; event-loop delay p99 under 50 ms.
 *
 * `--profile` also records a CPU profile of the API for 20 seconds in the middle of the soak (bench/lib/cpu-profiler.ts
 * preloaded, toggled by SIGWINCH) and prints where its time went, to find what holds the event loop.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { argValue, hasFlag, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { evaluate } from './lib/compare';
import { httpRound, type AutocannonRequest } from './lib/http';
import { postJson } from './lib/loop';
import { LOG_DIR, ROOT, startNode } from './lib/proc';
import { printProfileSummary } from './lib/profile-summary';
import { saveRecord } from './lib/results';
import { productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';
import { quantile, sortedCopy } from './lib/stats';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const MINUTES = argValue('minutes', QUICK ? 1.5 : 10);
const CONNECTIONS = argValue('connections', 16);
const PROFILE = hasFlag('profile');

interface Sample {
  t: number;
  p50: number;
  p99: number;
  max: number;
  rssMb: number;
  heapUsedMb: number;
}

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed');
  const c = await campaign(`campaign_${FILES}`, FILES);
  const monitorFile = join(LOG_DIR, `soak-monitor-${Date.now()}.jsonl`);
  const env = productionEnv(c.db.url, { MASAR_SCHEDULES: 'off' });
  const port = 3208;
  const profileFile = join(ROOT, '.masar', 'bench-profiles', `soak-api-${Date.now()}.cpuprofile`);
  mkdirSync(dirname(profileFile), { recursive: true });
  const api = await startNode('api-soak', 'apps/api/src/main.ts', {
    env: { ...env, PORT: String(port), MASAR_OUTBOX_RELAY: 'off', BENCH_MONITOR_FILE: monitorFile, BENCH_MONITOR_EVERY_MS: '10000', ...(PROFILE ? { BENCH_PROFILE_FILE: profileFile } : {}) },
    nodeArgs: ['-r', join(ROOT, 'bench', 'lib', 'loop-monitor.ts'), ...(PROFILE ? ['-r', join(ROOT, 'bench', 'lib', 'cpu-profiler.ts')] : [])],
    ready: /successfully started/,
  });
  const worker = await startNode('worker-soak', 'apps/worker/src/main.ts', { env, ready: /worker started/ });
  try {
    const login = await postJson(`http://127.0.0.1:${port}/auth/login`, { email: 'caseworker1.cas@synthetic.masar.example', password: 'masar-demo-2026' });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    let token = (login.json as { accessToken: string }).accessToken;
    let i = 0;
    const requests: AutocannonRequest[] = [
      {
        setupRequest: (req): AutocannonRequest => {
          const k = i++;
          if (k % 10 === 9) return { ...req, method: 'GET', path: '/work-queue?view=office&counts=false&limit=25', headers: { authorization: `Bearer ${token}` } as Record<string, string>, body: undefined };
          const p = c.codes[k % c.codes.length]!;
          return { ...req, method: 'POST', path: '/status', headers: { 'content-type': 'application/json' } as Record<string, string>, body: JSON.stringify({ reference: p.reference, accessCode: p.accessCode }) };
        },
      },
    ];
    const peak = await httpRound({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, durationSeconds: 20, requests, expectStatus: [200] }, { api: api.pid });
    const peakRate = peak.ops / peak.seconds;
    const rate = Math.max(1, Math.floor(peakRate / 2));
    console.log(`peak ${peakRate.toFixed(1)} req/s; soaking at ${rate} req/s for ${MINUTES} minutes`);
    const startLine = readFileSync(monitorFile, 'utf8').split('\n').filter(Boolean).length;
    // The access token lives 15 minutes; renew it every 5 so the soak never turns into 401s.
    const renew = setInterval(async () => {
      const r = await postJson(`http://127.0.0.1:${port}/auth/login`, { email: 'caseworker1.cas@synthetic.masar.example', password: 'masar-demo-2026' }).catch(() => null);
      if (r?.status === 200) token = (r.json as { accessToken: string }).accessToken;
    }, 300_000);
    // The profile: 20 seconds from the middle of the soak.
    const profileStart = (MINUTES * 60 * 1000) / 2 - 10_000;
    const profileTimers = PROFILE
      ? [setTimeout(() => process.kill(api.pid, 'SIGWINCH'), profileStart), setTimeout(() => process.kill(api.pid, 'SIGWINCH'), profileStart + 20_000)]
      : [];
    const sched0 = mainThreadSchedstat(api.pid);
    const soak = await httpRound({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, durationSeconds: Math.round(MINUTES * 60), requests, expectStatus: [200], overallRate: rate }, { api: api.pid, worker: worker.pid });
    clearInterval(renew);
    const sched1 = mainThreadSchedstat(api.pid);
    profileTimers.forEach(clearTimeout);
    if (PROFILE) {
      for (let k = 0; k < 50 && !existsSync(profileFile); k++) await new Promise((r) => setTimeout(r, 200));
      if (existsSync(profileFile)) printProfileSummary('API during the soak (20 s)', profileFile, Math.round((soak.ops / soak.seconds) * 20), 30);
    }
    const samples = readFileSync(monitorFile, 'utf8').split('\n').filter(Boolean).slice(startLine).map((l) => JSON.parse(l) as Sample);
    const windowOf = (from: number, to: number) => samples.filter((s, k) => k >= from && k < to);
    const perMin = 6;
    const early = windowOf(perMin, 2 * perMin); // the second minute: after warm-up
    const late = windowOf(samples.length - perMin, samples.length);
    const med = (xs: number[]) => quantile(sortedCopy(xs), 0.5);
    const rssEarly = med(early.map((s) => s.rssMb));
    const rssLate = med(late.map((s) => s.rssMb));
    const heapEarly = med(early.map((s) => s.heapUsedMb));
    const heapLate = med(late.map((s) => s.heapUsedMb));
    const p99s = samples.map((s) => s.p99);
    const figures: Record<string, number> = {
      peakReqPerS: peakRate,
      soakRateTarget: rate,
      soakReqPerS: soak.ops / soak.seconds,
      soakErrors: soak.errors,
      soakP50Ms: soak.p50Ms,
      soakP99Ms: soak.p99Ms,
      rssSecondMinuteMb: rssEarly,
      rssLastMinuteMb: rssLate,
      memoryGrowth: (rssLate - rssEarly) / rssEarly,
      heapGrowth: (heapLate - heapEarly) / heapEarly,
      eventLoopDelayP99MaxOfIntervalsMs: Math.max(...p99s),
      eventLoopDelayP99MedianOfIntervalsMs: med(p99s),
      eventLoopDelayMaxMs: Math.max(...samples.map((s) => s.max)),
      // The API's main thread over the soak (/proc/<pid>/task/<pid>/schedstat): the share of the time it ran, and the
      // share it was ready to run but waited for a CPU (a delay monitorEventLoopDelay counts as event-loop delay).
      apiMainThreadRunShare: (sched1.runNs - sched0.runNs) / 1e9 / soak.seconds,
      apiMainThreadRunQueueWaitShare: (sched1.waitNs - sched0.waitNs) / 1e9 / soak.seconds,
      apiPeakRssMb: soak.peakRssMb.api ?? NaN,
      workerPeakRssMb: soak.peakRssMb.worker ?? NaN,
    };
    const checks = evaluate(
      [
        { name: 'RSS growth (last minute vs second minute)', figure: 'memoryGrowth', op: '<=', target: 0.1 },
        { name: 'event-loop delay p99 (worst 10 s interval), ms', figure: 'eventLoopDelayP99MaxOfIntervalsMs', op: '<=', target: 50 },
      ],
      figures,
    );
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v.toFixed(3)}`);
    for (const ch of checks) console.log(`target ${ch.name}: ${ch.value.toFixed(3)} ${ch.op} ${ch.target}: ${ch.met ? 'MET' : 'MISSED'}`);
    saveRecord({
      bench: 'soak',
      title: `Soak: ${MINUTES} minutes at half the measured peak (status lookups + work-queue pages)`,
      date: nowIso(),
      environment: { PostgreSQL: await serverVersion(c.db.url), Redis: await redisVersion(), files: FILES, connections: CONNECTIONS, 'monitor interval': '10 s', 'samples': samples.length },
      figures: { ...figures, 'RSS by minute (MB)': samples.filter((_, k) => k % perMin === perMin - 1).map((s) => s.rssMb.toFixed(0)).join(' → '), 'event-loop p99 by minute (ms)': samples.filter((_, k) => k % perMin === perMin - 1).map((s) => s.p99.toFixed(1)).join(' ') },
      checks,
    });
  } finally {
    await api.stop();
    await worker.stop();
  }
}

/** Time a thread spent on a CPU and waiting in the run queue, in nanoseconds (Linux schedstat; zeros elsewhere). */
function mainThreadSchedstat(pid: number): { runNs: number; waitNs: number } {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return { runNs: run ?? 0, waitNs: wait ?? 0 };
  } catch {
    return { runNs: 0, waitNs: 0 };
  }
}

runMain(main);
