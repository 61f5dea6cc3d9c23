/**
 * A transition through the real API (`POST /applications/{id}/transitions`: JWT, access scope, the workflow engine,
 * the file loaded as an entity, then state, history, clock, case event, notification request, outbox and audit in
 * one transaction) against a bare Fastify + pg handler running the same statements. Both cycle the same files of
 * one office between `request_documents` and `documents_received`, each client on files of its own (no conflicts),
 * in a closed loop. Target: at least 0.6 of the bare rate.
 */
import { Client } from 'pg';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type Side } from './lib/compare';
import { closedLoop, postJson } from './lib/loop';
import { startNode } from './lib/proc';
import { saveRecord } from './lib/results';
import { productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const ROUNDS = argValue('rounds', QUICK ? 3 : 6);
const DURATION = argValue('duration', QUICK ? 5 : 10);
const CONCURRENCY = argValue('concurrency', 8);
const OFFICE = 'CAS';

interface FileState {
  id: string;
  state: string;
  version: number;
}

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed (the API runs on the Redis queue backend in production)');
  const c = await campaign(`campaign_${FILES}`, FILES);
  const env = productionEnv(c.db.url, { MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off' });
  const pg = new Client({ connectionString: c.db.url });
  await pg.connect();
  const { rows: picked } = await pg.query(
    `select a.id from applications a join offices o on o.id = a.office_id
      where o.code = $1 and a.kind = 'regularisation' and a.state in ('completeness_check', 'awaiting_documents') order by a.id limit $2`,
    [OFFICE, CONCURRENCY * 25],
  );
  if (picked.length < CONCURRENCY) throw new Error(`only ${picked.length} files of ${OFFICE} are in completeness_check or awaiting_documents`);
  const { rows: actors } = await pg.query(`select u.id from users u join offices o on o.id = u.office_id where u.email = $1`, [`caseworker1.${OFFICE.toLowerCase()}@synthetic.masar.example`]);
  const actorId = actors[0].id as string;
  const ids = picked.map((r) => r.id as string);
  const load = async (): Promise<FileState[][]> => {
    const { rows } = await pg.query(`select id, state, version from applications where id = any($1::uuid[]) order by id`, [ids]);
    return Array.from({ length: CONCURRENCY }, (_, k) => (rows as FileState[]).filter((_, i) => i % CONCURRENCY === k));
  };

  const realPort = 3203;
  const barePort = 3204;
  const real = await startNode('api', 'apps/api/src/main.ts', { env: { ...env, PORT: String(realPort) }, ready: /successfully started|listening/i });
  const bare = await startNode('transition-bare', 'bench/baselines/transition-bare.ts', { env: { ...env, PORT: String(barePort) }, ready: /listening/ });
  const login = await postJson(`http://127.0.0.1:${realPort}/auth/login`, { email: `caseworker1.${OFFICE.toLowerCase()}@synthetic.masar.example`, password: 'masar-demo-2026' });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.json)}`);
  const authorization = `Bearer ${(login.json as { accessToken: string }).accessToken}`;

  let reported = 0;
  const side = (name: string, port: number, pid: number, headers: Record<string, string>, withActor: boolean): Side => ({
    name,
    async run() {
      const files = await load();
      return closedLoop({ concurrency: CONCURRENCY, durationSeconds: DURATION, pids: { [name]: pid } }, async (client, n) => {
        const mine = files[client]!;
        const f = mine[n % mine.length]!;
        const action = f.state === 'completeness_check' ? 'request_documents' : 'documents_received';
        const res = await postJson(
          `http://127.0.0.1:${port}/applications/${f.id}/transitions`,
          { action, expectedVersion: f.version, ...(withActor ? { actorId } : {}), ...(action === 'request_documents' ? { data: { requested: ['proof_of_residence'] } } : {}) },
          headers,
        );
        if (res.status !== 200) {
          if (reported++ < 3) console.log(`  ${name}: ${action} answered ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
          return false;
        }
        const body = res.json as { state: string; version: number };
        f.state = body.state;
        f.version = body.version;
        return true;
      });
    },
  });
  try {
    const cmp = await compare({
      bench: 'transition',
      title: 'Transition (state, history, clock, event, notification, outbox, audit) vs the same statements bare',
      unit: 'transitions',
      real: side('api', realPort, real.pid, { authorization }, false),
      bare: side('bare', barePort, bare.pid, {}, true),
      warmup: 1,
      rounds: ROUNDS,
      targets: [{ name: 'throughput ratio', figure: 'throughputRatio', op: '>=', target: 0.6 }],
    });
    saveRecord({
      bench: 'transition',
      title: cmp.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(c.db.url),
        Redis: await redisVersion(),
        files: FILES,
        'files cycled': ids.length,
        concurrency: CONCURRENCY,
        'seconds per round': DURATION,
        actions: 'request_documents / documents_received alternately',
      },
      comparison: cmp,
      checks: cmp.checks,
    });
  } finally {
    await pg.end();
    await real.stop();
    await bare.stop();
  }
}

runMain(main);
