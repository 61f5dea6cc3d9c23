/**
 * Kill test for notifications: 1,000 notifications (e-mail + in-app each), the worker SIGKILLed three times while
 * they flow, restarted each time; then every message is counted on the SMTP server.
 *
 *   node -r @swc-node/register test/notifications/reliability/kill-worker.ts [--queue redis|postgres] [--count 1000] [--kills 3]
 *
 * Prints one PASS/FAIL line with the counts. Pass means: every e-mail received exactly once by the SMTP server (no
 * copy under an already-seen Message-ID, none missing), every notification delivered on both channels (an e-mail
 * may be 'unconfirmed' instead of 'sent' when a kill fell after its point of no return: it is counted, with
 * whether the server had it), no delivery stuck, no other dead letter, one in-app row per notification.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { runMigrations } from '@masar/db';
import { NotificationRequests } from '@masar/notifications';
import { Outbox } from '@masar/outbox';
import { SmtpSink } from '../../support/smtp-sink';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const COUNT = Number(arg('--count', '1000'));
const QUEUE = arg('--queue', 'redis');
const KILLS = Number(arg('--kills', '3'));
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const dbName = `masar_killtest_${randomBytes(4).toString('hex')}`;
  await admin(`create database "${dbName}"`);
  const dbUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  await runMigrations(dbUrl);
  const sink = await SmtpSink.start();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    REDIS_URL: QUEUE === 'redis' ? REDIS_URL : '',
    QUEUE_PREFIX: `kill${randomBytes(3).toString('hex')}`,
    SMTP_URL: sink.url,
    MAIL_FROM: 'Masar <no-reply@masar.gov.ma>',
    WORKER_CONCURRENCY: '8',
    MASAR_STATE_DIR: join(__dirname, '..', '..', '..', '.masar', 'test-state'),
  };
  const startWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(join(__dirname, 'notifications-worker.main.ts'), [], { env, execArgv: ['-r', '@swc-node/register'], stdio: 'inherit' });
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });

  const ds = await new DataSource(dataSourceOptions(dbUrl, 4)).initialize();
  const requests = new NotificationRequests(new Outbox());
  let worker = await startWorker();
  const started = Date.now();

  // The notifications arrive in batches, as transitions would commit them.
  const producing = (async () => {
    for (let i = 0; i < COUNT; i += 50) {
      await ds.transaction(async (m) => {
        for (let j = i; j < Math.min(COUNT, i + 50); j++) {
          await requests.request(m, {
            event: 'application.submitted',
            applicationId: randomUUID(),
            recipientId: randomUUID(),
            occurrenceKey: `submitted-${j}`,
            params: { reference: `MA-${String(j).padStart(4, '0')}-TEST` },
          });
        }
      });
      await sleep(20);
    }
  })();

  const kills: number[] = [];
  for (const threshold of [0.2, 0.45, 0.7].slice(0, KILLS).map((f) => Math.floor(f * COUNT))) {
    while (sink.messages.length < threshold) await sleep(5);
    worker.kill('SIGKILL');
    kills.push(sink.messages.length);
    await new Promise((r) => worker.once('exit', r));
    worker = await startWorker();
  }
  await producing;

  const deadline = Date.now() + 5 * 60_000;
  let state: Record<string, number> = {};
  while (Date.now() < deadline) {
    const rows = await ds.query(`select status, count(*)::int as n from notification_deliveries group by status`);
    state = Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
    if ((state.sent ?? 0) + (state.unconfirmed ?? 0) === 2 * COUNT) break;
    await sleep(500);
  }
  const elapsed = (Date.now() - started) / 1000;
  const times = sink.messages.map((m) => Date.parse(m.receivedAt)).sort((a, b) => a - b);
  const flow = times.length > 1 ? ((times.length - 1) / ((times[times.length - 1]! - times[0]!) / 1000)).toFixed(0) : '-';
  const keys: { idempotency_key: string }[] = await ds.query(`select idempotency_key from notification_deliveries where channel = 'email'`);
  const ids = sink.messages.map((m) => m.messageId.replace(/^<|@.*$/g, ''));
  const unique = new Set(ids);
  const missing = keys.filter((k) => !unique.has(k.idempotency_key)).length;
  const [{ inbox }] = await ds.query(`select count(*)::int as inbox from notification_inbox`);
  const [{ dead }] = await ds.query(`select count(*)::int as dead from notification_dead_letters where last_error not like 'delivery_unconfirmed:%'`);
  const unconfirmedKeys: { idempotency_key: string }[] = await ds.query(`select idempotency_key from notification_deliveries where status = 'unconfirmed'`);
  const unconfirmedLost = unconfirmedKeys.filter((k) => !unique.has(k.idempotency_key)).length;
  const [{ undispatched }] = await ds.query(`select count(*)::int as undispatched from notifications where dispatched_at is null`);
  const pass =
    (state.sent ?? 0) + unconfirmedKeys.length === 2 * COUNT && missing === 0 && ids.length === COUNT && inbox === COUNT && dead === 0 && undispatched === 0 && unique.size === COUNT;
  console.log(
    `${pass ? 'PASS' : 'FAIL'} notifications kill test (${QUEUE}): ${COUNT} notifications, SIGKILL x${kills.length}${kills.length ? ` at ${kills.join('/')} e-mails` : ''}; ` +
      `e-mails received ${ids.length}, distinct Message-IDs ${unique.size}, duplicates ${ids.length - unique.size}, missing ${missing}; ` +
      `unconfirmed ${unconfirmedKeys.length} (of which not received ${unconfirmedLost}); ` +
      `in-app rows ${inbox}; deliveries ${JSON.stringify(state)}; dead letters ${dead}; undispatched ${undispatched}; ${elapsed.toFixed(1)} s (${flow} e-mails/s from first to last)`,
  );
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await ds.destroy();
  await sink.close();
  await admin(`drop database "${dbName}" with (force)`);
  process.exit(pass ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
