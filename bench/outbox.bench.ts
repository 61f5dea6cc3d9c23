/**
 * Outbox relay vs a direct addBulk. Real: rows written by `Outbox.addMany` (as a use case writes them, in
 * transactions of 50), then published by the worker's own `OutboxRelay.drainOnce()` (claim with SKIP LOCKED,
 * addBulk with the outbox id as job id, mark sent) until none is left. Bare: the same jobs put on the same Redis
 * with `Queue.addBulk` in batches of the relay's size, as a producer without an outbox would. Throughput is jobs
 * published per second; latency is per batch. Target: at least 0.5 of the bare rate.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '@masar/config';
import { dataSourceOptions } from '@masar/database';
import { Outbox, OutboxRelay } from '@masar/outbox';
import { configureQueueBackend, DEFAULT_JOB_OPTIONS, QUEUES, type QueueName } from '@masar/queue';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { compare, type RoundMeasure } from './lib/compare';
import { cpuMs, peakRssMb, resetPeakRss } from './lib/proc';
import { saveRecord } from './lib/results';
import { dropQueuePrefix, freshDatabase, productionEnv, redisAnswers, redisPid, redisUrl, redisVersion, serverVersion } from './lib/services';
import { latencyPercentiles } from './lib/stats';

const JOBS = argValue('jobs', QUICK ? 1000 : 5000);
const ROUNDS = argValue('rounds', QUICK ? 3 : 7);
const WARMUP = argValue('warmup', 1);
const BATCH = 200;

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error(`Redis does not answer at ${redisUrl()}: the outbox benchmark needs it`);
  const db = await freshDatabase('outbox');
  const config = loadConfig(productionEnv(db.url, { MASAR_OUTBOX_RELAY: 'off' }));
  const backend = configureQueueBackend({ redisUrl: redisUrl(), databaseUrl: db.url, prefix: 'unused' });
  const ds = await new DataSource(dataSourceOptions(db.url, 10)).initialize();
  const outbox = new Outbox();
  const rpid = await redisPid();
  const prefixes: string[] = [];

  const queuesFor = (prefix: string): Record<QueueName, Queue> => {
    prefixes.push(prefix);
    return Object.fromEntries(QUEUES.map((q) => [q, new Queue(q, { connection: backend.connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS })])) as Record<QueueName, Queue>;
  };
  const closeQueues = async (qs: Record<QueueName, Queue>) => {
    for (const q of Object.values(qs)) await q.close();
  };
  const pids = (): Record<string, number> => ({ bench: process.pid, ...(rpid ? { redis: rpid } : {}) });
  const peaks = (): Record<string, number> => Object.fromEntries(Object.entries(pids()).map(([k, p]) => [k, peakRssMb(p)]));
  const cpuNow = (): Record<string, number> => Object.fromEntries(Object.entries(pids()).map(([k, p]) => [k, cpuMs(p)]));
  const cpuPer = (before: Record<string, number>, ops: number) => Object.fromEntries(Object.entries(cpuNow()).map(([k, v]) => [k, (v - before[k]!) / Math.max(1, ops)]));
  // A mix like the system's: mostly document checks and notifications, some clocks.
  const jobFor = (i: number) =>
    i % 4 === 0 ? ({ name: 'cases.clock.changed', payload: { applicationId: randomUUID() } } as const)
    : i % 2 === 0 ? ({ name: 'notifications.dispatch', payload: { notificationId: randomUUID() } } as const)
    : ({ name: 'documents.check', payload: { documentId: randomUUID() } } as const);

  const real = {
    name: 'OutboxRelay.drainOnce',
    async run(round: number): Promise<RoundMeasure> {
      // Written as use cases write them (not timed): N rows in transactions of 50.
      for (let i = 0; i < JOBS; i += 50) {
        await ds.transaction((m) => outbox.addMany(m, Array.from({ length: Math.min(50, JOBS - i) }, (_, k) => jobFor(i + k))));
      }
      const qs = queuesFor(`bo${round < 0 ? 'w' : ''}${Math.abs(round)}r${randomUUID().slice(0, 6)}`);
      const relay = new OutboxRelay(ds, config, qs);
      relay.batchSize = BATCH;
      for (const p of Object.values(pids())) resetPeakRss(p);
      const lat: number[] = [];
      let published = 0;
      const cpu0 = cpuNow();
      const t0 = performance.now();
      for (let guard = 0; guard < JOBS; guard++) {
        const b0 = performance.now();
        const n = await relay.drainOnce();
        if (n === 0) break;
        lat.push(performance.now() - b0);
        published += n;
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpuMsPerOp = cpuPer(cpu0, published);
      const [{ count }] = await ds.query(`select count(*)::int as count from outbox_messages where sent_at is null`);
      const jobs = (await Promise.all(Object.values(qs).map((q) => q.getJobCountByTypes('waiting', 'delayed', 'prioritized')))).reduce((a, b) => a + b, 0);
      const measure = { ops: published, seconds, ...pct(lat), errors: Number(count) + Math.abs(jobs - published), peakRssMb: peaks(), cpuMsPerOp, extra: { jobsInRedis: jobs } };
      await closeQueues(qs);
      await ds.query(`delete from outbox_messages`);
      return measure;
    },
  };
  const bare = {
    name: 'Queue.addBulk',
    async run(round: number): Promise<RoundMeasure> {
      const entries = Array.from({ length: JOBS }, (_, i) => ({ ...jobFor(i), id: randomUUID() }));
      const qs = queuesFor(`bb${round < 0 ? 'w' : ''}${Math.abs(round)}r${randomUUID().slice(0, 6)}`);
      for (const p of Object.values(pids())) resetPeakRss(p);
      const lat: number[] = [];
      const cpu0 = cpuNow();
      const t0 = performance.now();
      for (let i = 0; i < JOBS; i += BATCH) {
        const b0 = performance.now();
        const batch = entries.slice(i, i + BATCH);
        const byQueue = new Map<QueueName, typeof batch>();
        for (const e of batch) {
          const q: QueueName = e.name.startsWith('cases') ? 'cases' : e.name.startsWith('notifications') ? 'notifications' : 'documents';
          byQueue.set(q, [...(byQueue.get(q) ?? []), e]);
        }
        await Promise.all([...byQueue].map(([q, list]) => qs[q].addBulk(list.map((e) => ({ name: e.name, data: e.payload, opts: { jobId: e.id } })))));
        lat.push(performance.now() - b0);
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpuMsPerOp = cpuPer(cpu0, JOBS);
      const jobs = (await Promise.all(Object.values(qs).map((q) => q.getJobCountByTypes('waiting', 'delayed', 'prioritized')))).reduce((a, b) => a + b, 0);
      const measure = { cpuMsPerOp, ops: JOBS, seconds, ...pct(lat), errors: Math.abs(jobs - JOBS), peakRssMb: peaks(), extra: { jobsInRedis: jobs } };
      await closeQueues(qs);
      return measure;
    },
  };

  try {
    const c = await compare({
      bench: 'outbox',
      title: 'Outbox relay vs direct addBulk',
      unit: 'jobs',
      real,
      bare,
      warmup: WARMUP,
      rounds: ROUNDS,
      targets: [{ name: 'relay jobs/s ÷ addBulk jobs/s', figure: 'throughputRatio', op: '>=', target: 0.5 }],
    });
    saveRecord({
      bench: 'outbox',
      title: c.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(db.url),
        Redis: await redisVersion(),
        'jobs per round': JOBS,
        'batch size': BATCH,
        'latency unit': 'one batch of 200 (claim, addBulk, mark sent)',
      },
      comparison: c,
      checks: c.checks,
    });
  } finally {
    await ds.destroy();
    for (const p of prefixes) await dropQueuePrefix(p);
    await db.drop();
  }
}

function pct(lat: number[]): { p50Ms: number; p99Ms: number } {
  const p = latencyPercentiles(lat);
  return { p50Ms: p.p50, p99Ms: p.p99 };
}

runMain(main);
