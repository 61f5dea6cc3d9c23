/**
 * Document checks through the real worker process (apps/worker: Nest application context, the documents context's
 * CheckDocument use case with its per-file lock, checklist and file moving on, logging, every other processor and
 * the outbox relay running beside it) against a bare BullMQ worker process running the same check functions on the
 * same Redis with the same concurrency. Each round inserts fresh pending documents (real PDF bytes in the
 * content-addressed storage), enqueues one `documents.check` job each, and waits until every one is recorded.
 * Throughput is jobs per second from the first add to the last recorded result; latency is per job (processing).
 * Target: at least 0.5 of the bare rate.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { loadConfig } from '@masar/config';
import { LocalDiskDocumentStorage } from '@masar/documents';
import { configureQueueBackend, DEFAULT_JOB_OPTIONS } from '@masar/queue';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type RoundMeasure, type Side } from './lib/compare';
import { cpuMs, peakRssMb, resetPeakRss, startNode, type NodeProcess } from './lib/proc';
import { saveRecord } from './lib/results';
import { dropQueuePrefix, productionEnv, redisAnswers, redisPid, redisUrl, redisVersion, serverVersion } from './lib/services';
import { latencyPercentiles } from './lib/stats';

const FILES = argValue('files', QUICK ? 20000 : 100000);
const JOBS = argValue('jobs', QUICK ? 300 : 1000);
const ROUNDS = argValue('rounds', QUICK ? 3 : 5);
const CONCURRENCY = argValue('concurrency', 8);

async function pdfFor(i: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(`Attestation de résidence n° ${i} — ${randomUUID()}`, { x: 50, y: 780, size: 12, font });
  page.drawText('Le soussigné certifie que la personne ci-dessus réside à l’adresse indiquée.', { x: 50, y: 750, size: 10, font });
  return Buffer.from(await doc.save());
}

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error(`Redis does not answer at ${redisUrl()}`);
  const c = await campaign(`campaign_${FILES}`, FILES);
  const runId = randomUUID().slice(0, 8);
  const realPrefix = `bwr${runId}`;
  const barePrefix = `bwb${runId}`;
  const common = { MASAR_SCHEDULES: 'off', WORKER_CONCURRENCY: String(CONCURRENCY) };
  const realEnv = productionEnv(c.db.url, { ...common, QUEUE_PREFIX: realPrefix });
  const bareEnv = productionEnv(c.db.url, { ...common, QUEUE_PREFIX: barePrefix });
  const config = loadConfig(realEnv);
  const pg = new Client({ connectionString: c.db.url });
  await pg.connect();

  // One stored PDF per file (distinct bytes), reused by that file's person in every round.
  const { rows: files } = await pg.query(
    `select a.id, a.applicant_id from applications a where a.kind = 'regularisation' and a.state in ('completeness_check', 'provincial_review') order by a.id limit $1`,
    [Math.min(JOBS, 400)],
  );
  const storage = new LocalDiskDocumentStorage(config);
  const blobs: { app: string; person: string; sha256: string; size: number }[] = [];
  for (let i = 0; i < files.length; i++) {
    const bytes = await pdfFor(i);
    const stored = await storage.put((async function* () { yield bytes; })(), { maxBytes: 10 * 1024 * 1024 });
    blobs.push({ app: files[i].id, person: files[i].applicant_id, sha256: stored.sha256, size: stored.sizeBytes });
  }
  const issued = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const insertDocs = async (): Promise<string[]> => {
    const ids = Array.from({ length: JOBS }, () => randomUUID());
    const rows = ids.map((id, i) => {
      const b = blobs[i % blobs.length]!;
      return [id, b.app, b.person, b.sha256, b.size];
    });
    await pg.query(
      `insert into documents (id, application_id, person_id, kind, content_type, sha256, size_bytes, issued_on, uploaded_by, uploaded_by_role)
       select r.id, r.app, r.person, 'proof_of_residence', 'application/pdf', r.sha, r.size, $2::date, '00000000-0000-0000-0000-000000000000', 'caseworker'
         from jsonb_to_recordset($1::jsonb) as r(id uuid, app uuid, person uuid, sha text, size bigint)`,
      [JSON.stringify(rows.map(([id, app, person, sha, size]) => ({ id, app, person, sha, size }))), issued],
    );
    return ids;
  };

  const real = await startNode('worker', 'apps/worker/src/main.ts', { env: realEnv, ready: /worker started/ });
  const bare = await startNode('document-check-bare', 'bench/baselines/document-check-bare.ts', { env: bareEnv, ready: /ready/ });
  const backend = configureQueueBackend({ redisUrl: redisUrl(), databaseUrl: c.db.url, prefix: realPrefix });
  const queues = {
    real: new Queue('documents', { connection: backend.connection, prefix: realPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    bare: new Queue('documents', { connection: backend.connection, prefix: barePrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  };
  const rpid = await redisPid();

  const side = (name: 'real' | 'bare', proc: NodeProcess): Side => ({
    name: name === 'real' ? 'worker' : 'bare BullMQ worker',
    async run(): Promise<RoundMeasure> {
      const ids = await insertDocs();
      const pids: Record<string, number> = { [name === 'real' ? 'worker' : 'bare']: proc.pid, ...(rpid ? { redis: rpid } : {}) };
      for (const p of Object.values(pids)) resetPeakRss(p);
      const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuMs(p)]));
      const t0 = performance.now();
      await queues[name].addBulk(ids.map((documentId) => ({ name: 'documents.check', data: { documentId }, opts: { jobId: documentId } })));
      let pending = ids.length;
      const until = Date.now() + 300_000;
      while (pending > 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        pending = (await pg.query(`select count(*)::int as n from documents where id = any($1::uuid[]) and status = 'pending_check'`, [ids])).rows[0].n;
      }
      const seconds = (performance.now() - t0) / 1000;
      const done = ids.length - pending;
      const jobs = await queues[name].getJobs(['completed'], 0, ids.length + 10);
      const byId = new Set(ids);
      const lat = jobs.filter((j) => byId.has(j.id!) && j.finishedOn && j.processedOn).map((j) => j.finishedOn! - j.processedOn!);
      const failed = await queues[name].getJobCountByTypes('failed');
      const p = latencyPercentiles(lat);
      const results = (await pg.query(`select count(*)::int as n from document_check_results where document_id = any($1::uuid[])`, [ids])).rows[0].n as number;
      return {
        ops: done,
        seconds,
        p50Ms: p.p50,
        p99Ms: p.p99,
        errors: pending + failed + Math.abs(results - done),
        peakRssMb: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, peakRssMb(pid)])),
        cpuMsPerOp: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, (cpuMs(pid) - cpu0[k]!) / Math.max(1, done)])),
        extra: { resultsRecorded: results },
      };
    },
  });
  try {
    const cmp = await compare({
      bench: 'worker',
      title: 'Document checks: the worker vs a bare BullMQ worker with the same check functions',
      unit: 'jobs',
      real: side('real', real),
      bare: side('bare', bare),
      warmup: 1,
      rounds: ROUNDS,
      targets: [{ name: 'throughput ratio', figure: 'throughputRatio', op: '>=', target: 0.5 }],
    });
    saveRecord({
      bench: 'worker',
      title: cmp.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(c.db.url),
        Redis: await redisVersion(),
        files: FILES,
        'jobs per round': JOBS,
        concurrency: CONCURRENCY,
        documents: 'one-page PDFs (proof of residence), distinct bytes per file',
        'malware scan': config.clamd.host ? 'clamd' : 'no scanner configured (skipped on both sides)',
        'latency unit': 'processing time of one job (processedOn to finishedOn)',
      },
      comparison: cmp,
      checks: cmp.checks,
    });
  } finally {
    await real.stop();
    await bare.stop();
    await queues.real.close();
    await queues.bare.close();
    await pg.end();
    await dropQueuePrefix(realPrefix);
    await dropQueuePrefix(barePrefix);
  }
}

runMain(main);
