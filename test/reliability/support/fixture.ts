import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadConfig } from '@masar/config';
import { LocalDiskDocumentStorage } from '@masar/documents';
import { configureQueueBackend, type QueueBackendKind } from '@masar/queue';
import { seed } from '../../../bench/lib/campaign';
import { startNode, type NodeProcess } from '../../../bench/lib/proc';
import { freshDatabase, productionEnv, type BenchDatabase } from '../../../bench/lib/services';
import { SmtpSink } from '../../support/smtp-sink';

/**
 * Where a scenario's queues live, given to scenarios as the string they call `redisUrl`, read the way Masar reads
 * REDIS_URL: a Redis URL puts every queue on that Redis; the empty string (no Redis) puts them on bullmq's
 * PostgreSQL backend in the scenario's own database, Masar's embedded default. So a scenario runs on either
 * backend without knowing which; its fixture says which (`Fixture.backend`).
 */
export function queueTarget(backend: QueueBackendKind, redisUrl: string): string {
  return backend === 'redis' ? redisUrl : '';
}

export function backendOf(queueUrl: string): QueueBackendKind {
  return queueUrl ? 'redis' : 'postgres';
}

/** What a scenario works on: its own database with a small seeded campaign, queue prefix, SMTP sink and queues. */
export interface Fixture {
  db: BenchDatabase;
  pg: Client;
  smtp: SmtpSink;
  prefix: string;
  /** The queue backend of the scenario's processes. */
  backend: QueueBackendKind;
  /** The Redis URL of the queues, '' on the PostgreSQL backend (see `queueTarget`). */
  redisUrl: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `redisUrl` is a `queueTarget`: a Redis URL, or '' for the PostgreSQL backend. The database and the queue prefix
 * are named after the scenario and the backend, so a scenario's two runs never share one.
 */
export async function fixture(label: string, redisUrl: string, files = 1500, extraEnv: Record<string, string> = {}): Promise<Fixture> {
  const backend = backendOf(redisUrl);
  // RELIABILITY_RUN_ID keeps two runs on one machine apart (each would otherwise drop the other's database).
  const run = (process.env.RELIABILITY_RUN_ID ?? '').replace(/[^a-z0-9]/gi, '').toLowerCase();
  const name = `${label}_${backend === 'redis' ? 'redis' : 'pg'}${run ? `_${run}` : ''}`;
  const db = await freshDatabase(`rel_${name}`);
  await seed(db.url, files, `/tmp/masar-rel-${name}-codes.csv`, ['--chunk', String(files)], true);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const smtp = await SmtpSink.start();
  const prefix = `rel${name.replace(/[^a-z0-9]/gi, '')}${randomUUID().slice(0, 6)}`;
  const env = productionEnv(db.url, {
    // Set even when empty: the processes inherit this one's environment, whose REDIS_URL must not choose for them.
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    SMTP_URL: smtp.url,
    MASAR_SCHEDULES: 'off',
    // The benchmarks turn the notifications redrive off (a seeded campaign gives it work no bare side does); these
    // scenarios rely on it: a Redis stopped with `shutdown nosave` loses the jobs it held, and the redrive queues
    // their deliveries again.
    MASAR_NOTIFICATIONS_REDRIVE: 'on',
    WORKER_CONCURRENCY: '8',
    LOG_LEVEL: 'info',
    ...extraEnv,
  });
  return {
    db,
    pg,
    smtp,
    prefix,
    backend,
    redisUrl,
    env,
    async close() {
      await pg.end().catch(() => undefined);
      await smtp.close().catch(() => undefined);
      await db.drop().catch(() => undefined);
    },
  };
}

export function startWorker(f: Fixture, name = 'worker', env: Record<string, string> = {}): Promise<NodeProcess> {
  return startNode(name, 'apps/worker/src/main.ts', { env: { ...f.env, ...env }, ready: /worker started/, timeoutMs: 90000 });
}

export function startApi(f: Fixture, port: number, name = 'api', env: Record<string, string> = {}): Promise<NodeProcess> {
  return startNode(name, 'apps/api/src/main.ts', { env: { ...f.env, PORT: String(port), MASAR_OUTBOX_RELAY: 'off', ...env }, ready: /successfully started/, timeoutMs: 90000 });
}

async function pdf(i: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Attestation ${i} ${randomUUID()}`, { x: 50, y: 780, size: 12, font });
  return Buffer.from(await doc.save());
}

/**
 * `count` pending documents on files of the campaign (stored PDFs, one per file), each with its `documents.check`
 * message in the outbox, as an upload writes them. Returns the document ids.
 */
export async function pendingDocuments(f: Fixture, count: number): Promise<string[]> {
  const { rows: files } = await f.pg.query(
    `select id, applicant_id from applications where kind = 'regularisation' and state in ('completeness_check', 'provincial_review', 'submitted') order by id limit 200`,
  );
  const storage = new LocalDiskDocumentStorage(loadConfig(f.env));
  const blobs: { app: string; person: string; sha: string; size: number }[] = [];
  for (let i = 0; i < files.length; i++) {
    const bytes = await pdf(i);
    const s = await storage.put((async function* () { yield bytes; })(), { maxBytes: 10 * 1024 * 1024 });
    blobs.push({ app: files[i].id, person: files[i].applicant_id, sha: s.sha256, size: s.sizeBytes });
  }
  const ids = Array.from({ length: count }, () => randomUUID());
  const rows = ids.map((id, i) => ({ id, ...blobs[i % blobs.length]! }));
  const issued = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  await f.pg.query('begin');
  await f.pg.query(
    `insert into documents (id, application_id, person_id, kind, content_type, sha256, size_bytes, issued_on, uploaded_by, uploaded_by_role)
     select r.id, r.app, r.person, 'proof_of_residence', 'application/pdf', r.sha, r.size, $2::date, '00000000-0000-0000-0000-000000000000', 'caseworker'
       from jsonb_to_recordset($1::jsonb) as r(id uuid, app uuid, person uuid, sha text, size bigint)`,
    [JSON.stringify(rows), issued],
  );
  await f.pg.query(
    `insert into outbox_messages (id, job_name, queue, payload) select x, 'documents.check', 'documents', jsonb_build_object('documentId', x) from unnest($1::uuid[]) x`,
    [ids],
  );
  await f.pg.query('commit');
  return ids;
}

/**
 * `count` notifications ('application.submitted') to applicants who have an e-mail address, each with its
 * `notifications.dispatch` message in the outbox, exactly as NotificationRequests writes them.
 */
export async function pendingNotifications(f: Fixture, count: number): Promise<string[]> {
  const { rows: people } = await f.pg.query(
    `select a.id as application_id, a.applicant_id, a.reference from applications a join applicants p on p.id = a.applicant_id
      where p.email_enc is not null order by a.id limit 500`,
  );
  if (people.length === 0) throw new Error('the seeded campaign has no applicant with an e-mail address');
  const ids = Array.from({ length: count }, () => randomUUID());
  const rows = ids.map((id, i) => {
    const p = people[i % people.length];
    return { id, app: p.application_id, recipient: p.applicant_id, key: `reliability:${id}`, params: { reference: p.reference } };
  });
  await f.pg.query('begin');
  await f.pg.query(
    `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params)
     select r.id, 'application.submitted', r.key, r.app, r.recipient, r.params from jsonb_to_recordset($1::jsonb) as r(id uuid, key text, app uuid, recipient uuid, params jsonb)`,
    [JSON.stringify(rows)],
  );
  await f.pg.query(
    `insert into outbox_messages (id, job_name, queue, payload) select x, 'notifications.dispatch', 'notifications', jsonb_build_object('notificationId', x) from unnest($1::uuid[]) x`,
    [ids],
  );
  await f.pg.query('commit');
  return ids;
}

export interface EffectCounts {
  checksRecorded: number;
  documentsPending: number;
  emailDeliveriesSent: number;
  emailDeliveriesOpen: number;
  notificationsWithoutDelivery: number;
  outboxUnsent: number;
  deadLetters: number;
}

export async function effects(f: Fixture, documentIds: string[], notificationIds: string[]): Promise<EffectCounts> {
  const q = async (sql: string, params: unknown[] = []) => Number((await f.pg.query(sql, params)).rows[0].n);
  return {
    checksRecorded: await q(`select count(*) as n from document_check_results where document_id = any($1::uuid[])`, [documentIds]),
    documentsPending: await q(`select count(*) as n from documents where id = any($1::uuid[]) and status = 'pending_check'`, [documentIds]),
    emailDeliveriesSent: await q(`select count(*) as n from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and status = 'sent'`, [notificationIds]),
    emailDeliveriesOpen: await q(`select count(*) as n from notification_deliveries where notification_id = any($1::uuid[]) and channel = 'email' and status in ('pending', 'sending', 'failed')`, [notificationIds]),
    notificationsWithoutDelivery: await q(
      `select count(*) as n from notifications n where n.id = any($1::uuid[]) and not exists (select 1 from notification_deliveries d where d.notification_id = n.id and d.channel = 'email')`,
      [notificationIds],
    ),
    outboxUnsent: await q(`select count(*) as n from outbox_messages where sent_at is null and available_at <= now()`),
    deadLetters: await q(`select count(*) as n from notification_dead_letters`),
  };
}

/** Messages the SMTP server received per Message-ID: how many distinct, and how many arrived more than once. */
export function smtpCounts(f: Fixture): { received: number; distinct: number; duplicated: number } {
  const byId = new Map<string, number>();
  for (const m of f.smtp.messages) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
  return { received: f.smtp.messages.length, distinct: byId.size, duplicated: [...byId.values()].filter((n) => n > 1).length };
}

/** Jobs of the given queues still active or waiting (a stuck job stays active with no worker). */
export async function queueBacklog(f: Fixture, names: string[]): Promise<Record<string, number>> {
  const backend = configureQueueBackend({ redisUrl: f.redisUrl || undefined, databaseUrl: f.db.url, prefix: f.prefix });
  const out: Record<string, number> = {};
  for (const name of names) {
    const q = new Queue(name, { connection: backend.connection, prefix: f.prefix });
    const c = await q.getJobCounts('active', 'waiting', 'delayed', 'failed');
    out[`${name}.active`] = c.active ?? 0;
    out[`${name}.waiting`] = c.waiting ?? 0;
    out[`${name}.delayed`] = c.delayed ?? 0;
    out[`${name}.failed`] = c.failed ?? 0;
    await q.close();
  }
  return out;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
