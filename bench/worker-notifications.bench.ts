/**
 * Notifications through the real worker process (the `notifications.dispatch` job fans out into deliveries, whose
 * `notifications.deliver` jobs go through the outbox relay, claim the delivery, render, send by SMTP, record) against
 * a bare BullMQ worker process doing one job per notification with the same templates, the same SMTP adapter and
 * the same SMTP server (a real one, in this process). Each round writes fresh notifications to applicants who have
 * an e-mail address, enqueues one job per notification on each side's own queue prefix, and waits until every
 * e-mail is recorded as sent. Target: at least 0.5 of the bare rate.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { configureQueueBackend, DEFAULT_JOB_OPTIONS } from '@masar/queue';
import { SmtpSink } from '../test/support/smtp-sink';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type RoundMeasure, type Side } from './lib/compare';
import { cpuMs, peakRssMb, resetPeakRss, startNode, type NodeProcess } from './lib/proc';
import { saveRecord } from './lib/results';
import { dropQueuePrefix, productionEnv, redisAnswers, redisPid, redisUrl, redisVersion, serverVersion } from './lib/services';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const JOBS = argValue('jobs', QUICK ? 200 : 600);
const ROUNDS = argValue('rounds', QUICK ? 3 : 5);
const CONCURRENCY = argValue('concurrency', 8);

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error(`Redis does not answer at ${redisUrl()}`);
  const c = await campaign(`campaign_${FILES}`, FILES);
  const smtp = await SmtpSink.start();
  const runId = randomUUID().slice(0, 8);
  const realPrefix = `bnr${runId}`;
  const barePrefix = `bnb${runId}`;
  const common = { MASAR_SCHEDULES: 'off', WORKER_CONCURRENCY: String(CONCURRENCY), SMTP_URL: smtp.url, MASAR_NOTIFICATIONS_REDRIVE: 'off' };
  const pg = new Client({ connectionString: c.db.url });
  await pg.connect();
  const { rows: people } = await pg.query(
    `select a.id as application_id, a.applicant_id, a.reference from applications a join applicants p on p.id = a.applicant_id where p.email_enc is not null order by a.id limit 2000`,
  );
  const newNotifications = async (): Promise<string[]> => {
    const ids = Array.from({ length: JOBS }, () => randomUUID());
    const rows = ids.map((id, i) => {
      const p = people[i % people.length];
      return { id, app: p.application_id, recipient: p.applicant_id, key: `bench:${id}`, params: { reference: p.reference } };
    });
    await pg.query(
      `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params)
       select r.id, 'application.submitted', r.key, r.app, r.recipient, r.params from jsonb_to_recordset($1::jsonb) as r(id uuid, key text, app uuid, recipient uuid, params jsonb)`,
      [JSON.stringify(rows)],
    );
    return ids;
  };
  const real = await startNode('worker', 'apps/worker/src/main.ts', { env: productionEnv(c.db.url, { ...common, QUEUE_PREFIX: realPrefix }), ready: /worker started/ });
  const bare = await startNode('notification-bare', 'bench/baselines/notification-bare.ts', { env: productionEnv(c.db.url, { ...common, QUEUE_PREFIX: barePrefix }), ready: /ready/ });
  const backend = configureQueueBackend({ redisUrl: redisUrl(), databaseUrl: c.db.url, prefix: realPrefix });
  const queues = {
    real: new Queue('notifications', { connection: backend.connection, prefix: realPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    bare: new Queue('notifications', { connection: backend.connection, prefix: barePrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  };
  const rpid = await redisPid();
  const sentCount = async (side: 'real' | 'bare', ids: string[]) =>
    side === 'real'
      ? Number((await pg.query(`select count(*) as n from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and status = 'sent'`, [ids])).rows[0].n)
      : Number((await pg.query(`select count(*) as n from bench_bare_deliveries where notification_id = any($1::uuid[])`, [ids])).rows[0].n);

  const side = (name: 'real' | 'bare', proc: NodeProcess): Side => ({
    name: name === 'real' ? 'worker (dispatch, outbox, deliver)' : 'bare BullMQ worker',
    async run(): Promise<RoundMeasure> {
      const ids = await newNotifications();
      const pids: Record<string, number> = { [name === 'real' ? 'worker' : 'bare']: proc.pid, ...(rpid ? { redis: rpid } : {}) };
      for (const p of Object.values(pids)) resetPeakRss(p);
      const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuMs(p)]));
      const mails0 = smtp.messages.length;
      const t0 = performance.now();
      await queues[name].addBulk(ids.map((notificationId) => ({ name: 'notifications.dispatch', data: { notificationId }, opts: { jobId: notificationId } })));
      let sent = 0;
      const until = Date.now() + 300_000;
      while (sent < ids.length && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        sent = await sentCount(name, ids);
      }
      const seconds = (performance.now() - t0) / 1000;
      const received = smtp.messages.slice(mails0);
      // Latency: from the round's start to each message's arrival at the SMTP server.
      const lat = received.map((m) => new Date(m.receivedAt).getTime() - (Date.now() - (performance.now() - t0))).sort((a, b) => a - b);
      return {
        ops: sent,
        seconds,
        p50Ms: lat[Math.floor(lat.length * 0.5)] ?? NaN,
        p99Ms: lat[Math.floor(lat.length * 0.99)] ?? NaN,
        errors: ids.length - sent + Math.max(0, received.length - sent),
        peakRssMb: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, peakRssMb(pid)])),
        cpuMsPerOp: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpuMs(pid) - cpu0[k]!) / Math.max(1, sent)])),
        extra: { smtpReceived: received.length },
      };
    },
  });
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const cmp = await compare({
      bench: 'worker-notifications',
      title: 'Notifications (e-mail): the worker vs a bare BullMQ worker with the same templates and SMTP adapter',
      unit: 'e-mails',
      real: side('real', real),
      bare: side('bare', bare),
      warmup: 1,
      rounds: ROUNDS,
      targets: [{ name: 'throughput ratio', figure: 'throughputRatio', op: '>=', target: 0.5 }],
    });
    saveRecord({
      bench: 'worker-notifications',
      title: cmp.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(c.db.url),
        Redis: await redisVersion(),
        files: FILES,
        'notifications per round': JOBS,
        concurrency: CONCURRENCY,
        'SMTP server': 'smtp-server in the benchmark process (test/support/smtp-sink.ts)',
        'latency unit': 'from the round start to the message arriving at the SMTP server (a queueing figure, not per job)',
      },
      comparison: cmp,
      checks: cmp.checks,
    });
  } finally {
    await real.stop();
    await bare.stop();
    await queues.real.close();
    await queues.bare.close();
    await pg.query(`drop table if exists bench_bare_deliveries`).catch(() => undefined);
    await pg.end();
    await smtp.close();
    await dropQueuePrefix(realPrefix);
    await dropQueuePrefix(barePrefix);
  }
}

runMain(main);
