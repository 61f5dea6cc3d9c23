/**
 * POST /status, full stack (the real API process: Nest on Fastify, validation pipe, rate-limit peeks per reference
 * and address, logging, the status context's use case) against a bare Fastify + pg server running the same indexed
 * statement and the same HMAC comparison. Both answer the same stream of (reference, access code) pairs drawn from a
 * seeded campaign, with autocannon from this process. Targets: throughput >= 0.75 of bare, p99 <= 2x bare.
 */
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type Side } from './lib/compare';
import { httpRound, type AutocannonRequest } from './lib/http';
import { startNode } from './lib/proc';
import { saveRecord } from './lib/results';
import { productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const ROUNDS = argValue('rounds', QUICK ? 3 : 6);
const DURATION = argValue('duration', QUICK ? 5 : 10);
const CONNECTIONS = argValue('connections', 16);

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed (the API runs on the Redis queue backend in production)');
  const c = await campaign(`campaign_${FILES}`, FILES);
  const env = productionEnv(c.db.url, { MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off' });
  const realPort = 3201;
  const barePort = 3202;
  const real = await startNode('api', 'apps/api/src/main.ts', { env: { ...env, PORT: String(realPort) }, ready: /successfully started|listening/i });
  const bare = await startNode('status-bare', 'bench/baselines/status-bare.ts', { env: { ...env, PORT: String(barePort) }, ready: /listening/ });
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

runMain(main);
