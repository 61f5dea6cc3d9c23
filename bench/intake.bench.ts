/**
 * Bulk intake of a campaign office's CSV (one person and one regularisation file per row) against a bare COPY of
 * the same rows. Real side: the CSV is uploaded to the real API (multipart, streamed: parsed, checked, sealed with
 * the cases keys and COPYed into staging), the real worker's 'intake.import' job registers the rows chunk by chunk
 * (duplicate search as one join against the files already there, persons, identity documents, submitted files
 * with references and access codes, history, case events, notifications and receipt outbox rows, one audit event
 * per file); the time runs from the start of the upload until GET /intake/batches/{id} says completed. Bare side:
 * COPY of the same CSV text into a table of the same columns with no index. Each round imports a new CSV (fresh
 * names and document numbers) into a copy of the seeded campaign database, which therefore grows round by round.
 * Target: the import at least 0.3 of the COPY rate.
 *
 * A second baseline, printed in the same run: after each import, the rows it wrote (every table) are dumped and
 * COPYed into a twin of the database as it was before that import, with the same indexes, constraints and
 * triggers (lib/intake-result-copy.ts). The first ratio says how far the import is from loading its CSV into one
 * bare table; the second how far it is from writing its own result at COPY speed.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { argValue, nowIso, QUICK, runMain } from './lib/cli';
import { campaign } from './lib/campaign';
import { compare, type RoundMeasure, type Side } from './lib/compare';
import { IntakeResultCopy, type ResultCopyMeasure } from './lib/intake-result-copy';
import { getJson, postJson } from './lib/loop';
import { cpuMs, peakRssMb, resetPeakRss, startNode } from './lib/proc';
import { saveRecord } from './lib/results';
import { fmt, spread } from './lib/stats';
import { adminUrl, productionEnv, redisAnswers, redisVersion, serverVersion } from './lib/services';
import { withAdmin, withDatabase } from '../test/support/postgres';

const FILES = argValue('files', 100000);
const ROWS = argValue('rows', QUICK ? 20000 : 100000);
const ROUNDS = argValue('rounds', QUICK ? 2 : 3);
const WARMUP = argValue('warmup', QUICK ? 0 : 1);
const CHUNK = argValue('chunk', 2000);

const SYLLABLES = ['ka', 'ro', 'mbe', 'tu', 'zi', 'lo', 'fa', 'nde', 'gu', 'sa', 'we', 'bi', 'do', 'ry', 'chu', 'po', 'mi', 'ko', 'ya', 'ne', 'ba', 'shi', 'ta', 'lu'];
const NATS = ['SN', 'CI', 'GN', 'ML', 'CM', 'CD', 'NG', 'SY', 'GM', 'BF', 'GH', 'TD', 'NE', 'BJ', 'TG', 'LR', 'SL', 'CG', 'CF', 'ER', 'SD', 'YE', 'PH', 'BD'];
const CATS = ['residence_five_years', 'work_contract', 'spouse_of_moroccan', 'spouse_of_foreigner', 'child_of_eligible_parent', 'serious_illness'];
const HEADER = 'latin_name,arabic_name,sex,birth_date,nationality,document_type,document_number,phone,email,preferred_language,category';

/** A CSV of `n` fresh persons: random names of three to five syllables, random dates, passports, contacts. */
function campaignCsv(n: number): string {
  const r = randomBytes(n * 16);
  const lines = [HEADER];
  const word = (o: number, len: number) => {
    let w = '';
    for (let k = 0; k < len; k++) w += SYLLABLES[r[o + k]! % SYLLABLES.length];
    return w[0]!.toUpperCase() + w.slice(1);
  };
  for (let i = 0; i < n; i++) {
    const o = i * 16;
    const birth = `${1960 + (r[o + 6]! % 45)}-${String(1 + (r[o + 7]! % 12)).padStart(2, '0')}-${String(1 + (r[o + 8]! % 28)).padStart(2, '0')}`;
    const doc = `P${r.subarray(o + 9, o + 14).toString('hex').toUpperCase()}`;
    lines.push(
      [
        `${word(o, 2 + (r[o + 15]! % 2))} ${word(o + 3, 3)}`,
        '',
        i % 3 === 0 ? 'female' : 'male',
        birth,
        NATS[r[o + 14]! % NATS.length],
        'passport',
        doc,
        `+2126${String(10000000 + ((i * 7919) % 89999999)).padStart(8, '0')}`,
        `p${i}.${doc.toLowerCase()}@example.org`,
        ['fr', 'ar', 'en', 'es'][i % 4],
        CATS[i % CATS.length],
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** A copy of the seeded campaign (the shared one keeps its file count, which the other benchmarks check). */
async function cloneOf(source: string, name: string): Promise<string> {
  const admin = await adminUrl();
  await withAdmin(admin, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template "${source}"`);
        // Parallel query workers come and go within a statement, so their CPU could not be counted below.
        await c.query(`alter database "${name}" set max_parallel_workers_per_gather = 0`);
        return;
      } catch (err) {
        // 55006: another benchmark is connected to the campaign database; wait for it.
        if ((err as { code?: string }).code !== '55006' || attempt > 900) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  });
  return withDatabase(admin, name);
}

/** CPU ms so far of every PostgreSQL backend connected to the database (the API's and worker's pools, this client). */
async function backendCpu(pg: Client): Promise<Map<number, number>> {
  const { rows } = await pg.query(`select pid from pg_stat_activity where datname = current_database()`);
  return new Map(rows.map((r: { pid: number }) => [r.pid, cpuMs(r.pid)] as [number, number]).filter(([, ms]) => Number.isFinite(ms)));
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function main(): Promise<void> {
  if (!(await redisAnswers())) throw new Error('Redis is needed (the API and worker run on the Redis queue backend in production)');
  const c = await campaign(`campaign_${FILES}`, FILES);
  const cloneName = `masar_bench_intake_${FILES}`;
  console.log(`copying ${c.db.name} to ${cloneName}...`);
  const dbUrl = await cloneOf(c.db.name, cloneName);
  const prefix = `bi${randomBytes(3).toString('hex')}`;
  // The relay is off: the upload queues its job directly (the outbox row is the guarantee), and the 200,000
  // notification and receipt-letter messages of the imported files are not sent during the measure.
  // The documents redrive timer is off too: in the seeded campaign it queues checks of its pending documents during
  // the measure (seen: every worker CPU figure doubled), work that is no part of an import.
  const env = productionEnv(dbUrl, { MASAR_OUTBOX_RELAY: 'off', MASAR_SCHEDULES: 'off', MASAR_DOCUMENTS_REDRIVE: 'off', QUEUE_PREFIX: prefix, INTAKE_CHUNK_ROWS: String(CHUNK) });
  let pg = new Client({ connectionString: dbUrl });
  await pg.connect();
  // The seeded campaign was bulk-loaded and this server runs with autovacuum off: vacuum the copy once, as autovacuum
  // would have left a production database, so that index-only scans (the duplicate search reads the nationality and
  // birth-year block from its index) are what they are in production. Not part of the measure.
  if ((await pg.query(`show autovacuum`)).rows[0].autovacuum === 'off') {
    console.log(`autovacuum is off on this server: vacuuming ${cloneName} once before the measure...`);
    await pg.query(`vacuum (analyze)`);
  }
  // The twin for the second baseline: the database as the first round will find it (made before the API connects).
  await pg.end();
  const twinName = `${cloneName}_twin`;
  const twin = new Client({ connectionString: await cloneOf(cloneName, twinName) });
  await twin.connect();
  pg = new Client({ connectionString: dbUrl });
  await pg.connect();
  const resultCopy = new IntakeResultCopy(pg, twin, ['bench_intake_rows']);
  const copies: { warmup: boolean; importSeconds: number; handled: number; copy: ResultCopyMeasure }[] = [];
  await pg.query(`create table if not exists bench_intake_rows (latin_name text, arabic_name text, sex text, birth_date date, nationality char(2), document_type text, document_number text, phone text, email text, preferred_language text, category text)`);
  const port = 3207;
  const api = await startNode('api', 'apps/api/src/main.ts', { env: { ...env, PORT: String(port) }, ready: /successfully started|listening/i });
  const worker = await startNode('worker', 'apps/worker/src/main.ts', { env, ready: /worker started/ });
  const base = `http://127.0.0.1:${port}`;
  const login = await postJson(`${base}/auth/login`, { email: 'caseworker1.rab@synthetic.masar.example', password: 'masar-demo-2026' });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const auth = { authorization: `Bearer ${(login.json as { accessToken: string }).accessToken}` };
  const forReview: number[] = [];
  const stagingShare: number[] = [];

  await resultCopy.start();

  const real: Side = {
    name: 'CSV upload to the API, import by the worker',
    async run(round, warmup): Promise<RoundMeasure> {
      const text = campaignCsv(ROWS);
      const pids = { api: api.pid, worker: worker.pid };
      for (const pid of Object.values(pids)) resetPeakRss(pid);
      const cpu0 = { api: cpuMs(api.pid), worker: cpuMs(worker.pid) };
      const pg0 = await backendCpu(pg);
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/csv' }), `campaign-${round}.csv`);
      const t0 = performance.now();
      const res = await fetch(`${base}/intake/batches`, { method: 'POST', body: form, headers: auth });
      const tStaged = performance.now();
      const body = (await res.json()) as { id: string; status: string };
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      let batch = body as unknown as { status: string; counts: { received: number; invalid: number; imported: number; forReview: number } };
      while (batch.status !== 'completed') {
        await new Promise((r) => setTimeout(r, 100));
        batch = (await getJson(`${base}/intake/batches/${body.id}`, auth)).json as typeof batch;
      }
      const seconds = (performance.now() - t0) / 1000;
      const handled = batch.counts.imported + batch.counts.forReview;
      const pgMs = cpuSince(pg0, await backendCpu(pg));
      forReview.push(batch.counts.forReview);
      stagingShare.push((tStaged - t0) / 1000 / seconds);
      const measure: RoundMeasure = {
        ops: handled,
        seconds,
        p50Ms: (seconds * 1000) / ROWS,
        p99Ms: (seconds * 1000) / ROWS,
        errors: ROWS - handled,
        peakRssMb: { api: peakRssMb(api.pid), worker: peakRssMb(worker.pid) },
        cpuMsPerOp: { api: (cpuMs(api.pid) - cpu0.api) / ROWS, worker: (cpuMs(worker.pid) - cpu0.worker) / ROWS, postgres: pgMs / ROWS },
        extra: { imported: batch.counts.imported, forReview: batch.counts.forReview, uploadSeconds: (tStaged - t0) / 1000 },
      };
      // Second baseline, outside this side's measure (its CPU was read above): the same rows by COPY into the twin.
      const copy = await resultCopy.copyWindow();
      copies.push({ warmup, importSeconds: seconds, handled, copy });
      console.log(
        `  COPY of the ${copy.rows.toLocaleString('en')} rows this import wrote into the twin: ${copy.seconds.toFixed(1)} s (import ${seconds.toFixed(1)} s), ` +
          `CPU ms per CSV row: bench ${(copy.benchCpuMs / handled).toFixed(3)}, postgres ${(copy.postgresCpuMs / handled).toFixed(3)}` +
          (copy.notCopied.length ? `; not COPYed (written by triggers, or rows updated): ${copy.notCopied.join(', ')}` : ''),
      );
      return measure;
    },
  };
  const bare: Side = {
    name: 'COPY of the same rows',
    async run(): Promise<RoundMeasure> {
      const text = campaignCsv(ROWS);
      resetPeakRss('self');
      const cpu0 = cpuMs('self');
      const pg0 = await backendCpu(pg);
      const t0 = performance.now();
      const stream = pg.query(copyFrom(`copy bench_intake_rows from stdin with (format csv, header true)`));
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(text);
      });
      const seconds = (performance.now() - t0) / 1000;
      const pgMs = cpuSince(pg0, await backendCpu(pg));
      const n = Number((await pg.query(`select count(*) as n from bench_intake_rows`)).rows[0].n);
      await pg.query(`truncate bench_intake_rows`);
      return { ops: n, seconds, p50Ms: (seconds * 1000) / ROWS, p99Ms: (seconds * 1000) / ROWS, errors: ROWS - n, peakRssMb: { bench: peakRssMb('self') }, cpuMsPerOp: { bench: (cpuMs('self') - cpu0) / ROWS, postgres: pgMs / ROWS } };
    },
  };
  try {
    const cmp = await compare({
      bench: 'intake',
      title: `Bulk intake of ${ROWS.toLocaleString('en')} CSV rows (upload to import complete) vs a bare COPY of the same rows`,
      unit: 'rows',
      real,
      bare,
      warmup: WARMUP,
      rounds: ROUNDS,
      targets: [{ name: 'import rate ÷ COPY rate', figure: 'throughputRatio', op: '>=', target: 0.3 }],
    });
    const realRate = cmp.real.throughput.median;
    const cpuReal = Object.values(cmp.real.cpuMsPerOp).reduce((a, b) => a + b, 0);
    const cpuBare = Object.values(cmp.bare.cpuMsPerOp).reduce((a, b) => a + b, 0);
    console.log(`CPU per row: import ${cpuReal.toFixed(3)} ms (api, worker, PostgreSQL backends), COPY ${cpuBare.toFixed(4)} ms; CPU ratio COPY/import ${(cpuBare / cpuReal).toFixed(4)}`);
    const results = summariseResultCopies(copies.filter((c) => !c.warmup));
    console.log(
      `\n## Second baseline: COPY of the rows the import wrote (${fmt(results.rowsPerCsvRow, 1)} rows per CSV row, ${Object.keys(results.tables).length} tables) into a twin of the database before the import\n` +
        `tables: ${Object.entries(results.tables).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}\n` +
        (results.notCopied.length ? `not COPYed (the twin's triggers write them, or rows were updated): ${results.notCopied.join(', ')}\n` : '') +
        `COPY of the resulting rows ${fmt(results.csvRowsPerSecond.median, 0)} CSV rows/s (${fmt(results.tableRowsPerSecond.median, 0)} table rows/s), import ${fmt(realRate, 0)} rows/s\n` +
        `import rate ÷ COPY-of-the-result rate: ${fmt(results.ratio.median, 3)} (rounds ${results.ratios.map((v) => fmt(v, 3)).join(', ')}); ` +
        `import rate ÷ COPY-of-the-CSV rate: ${fmt(cmp.throughputRatio.median, 4)}\n` +
        `CPU per CSV row: import ${cpuReal.toFixed(3)} ms, COPY of the result ${results.cpuMsPerCsvRow.toFixed(3)} ms (bench ${results.benchCpuMsPerCsvRow.toFixed(3)}, PostgreSQL ${results.postgresCpuMsPerCsvRow.toFixed(3)}), COPY of the CSV ${cpuBare.toFixed(4)} ms`,
    );
    const measured = forReview.slice(-ROUNDS);
    saveRecord({
      bench: 'intake',
      title: cmp.title,
      date: nowIso(),
      environment: {
        PostgreSQL: await serverVersion(dbUrl),
        Redis: await redisVersion(),
        'campaign files already present (before the first round)': FILES,
        'CSV rows per round': ROWS,
        'rows per import transaction (INTAKE_CHUNK_ROWS)': CHUNK,
        'latency unit': 'the whole import (or COPY) divided by rows',
      },
      comparison: cmp,
      figures: {
        'time to import the CSV, upload to completed (s)': ROWS / realRate,
        'rows set aside for review per round (median)': [...measured].sort((a, b) => a - b)[Math.floor(measured.length / 2)] ?? NaN,
        'CPU ms per row, import (api + worker + PostgreSQL backends)': cpuReal,
        'CPU ms per row, COPY (client + PostgreSQL backend)': cpuBare,
        'CPU ratio (COPY CPU per row ÷ import CPU per row)': cpuBare / cpuReal,
        'share of the time spent uploading and staging (median)': [...stagingShare].sort((a, b) => a - b)[Math.floor(stagingShare.length / 2)] ?? NaN,
        'rows written per CSV row (all tables)': results.rowsPerCsvRow,
        'COPY of the resulting rows into the real schema, CSV rows/s (median)': results.csvRowsPerSecond.median,
        'import rate ÷ COPY-of-the-resulting-rows rate (median)': results.ratio.median,
        'CPU ms per CSV row, COPY of the resulting rows (client + PostgreSQL backend)': results.cpuMsPerCsvRow,
        'CPU ratio (COPY of the resulting rows ÷ import, per row)': results.cpuMsPerCsvRow / cpuReal,
      },
      checks: cmp.checks,
      observations: [
        'Real side: POST /intake/batches (streamed multipart, csv-parse, row checks, four AES-256-GCM encryptions and a blind-index HMAC per row, COPY into staging), then the worker registers 2,000 rows per transaction with one statement per table and audit_append_many; the CPU of the PostgreSQL backends serving the benchmark database is read from /proc for both sides, so that the CPU ratio holds on a loaded machine where wall time does not.',
        'The outbox relay is off during the measure: the upload queues its job directly (same id as its outbox row); the notification and receipt-letter messages of the imported files stay in the outbox.',
        `Second baseline: after each import the rows it inserted (every table, found by xmin) are dumped with COPY TO and COPYed, parents first in one transaction, into a twin of the database made before the first round and fed every round, so it holds what the real database held before that import: same indexes, constraints and triggers.${results.notCopied.length ? ` Not COPYed (written by the twin's triggers as by the real ones, or rows updated rather than inserted): ${results.notCopied.join(', ')}.` : ''}`,
        'Autovacuum is off on the benchmark server: the copy of the campaign is vacuumed once before the rounds (as autovacuum would have left it), not between them, so the rows imported by earlier rounds are read from the heap by the duplicate search.',
      ],
    });
  } finally {
    await pg.query(`drop table if exists bench_intake_rows`).catch(() => undefined);
    await pg.end();
    await twin.end();
    resultCopy.close();
    await worker.stop();
    await api.stop();
    await withAdmin(await adminUrl(), async (a) => {
      await a.query(`drop database if exists "${cloneName}" with (force)`);
      await a.query(`drop database if exists "${twinName}" with (force)`);
    }).catch(() => undefined);
  }
}

/** Medians over the measured rounds of the second baseline, per CSV row as the import counts them. */
function summariseResultCopies(rounds: { importSeconds: number; handled: number; copy: ResultCopyMeasure }[]) {
  const tables: Record<string, number> = {};
  for (const r of rounds) for (const [t, n] of Object.entries(r.copy.tables)) tables[t] = Math.max(tables[t] ?? 0, n);
  const median = (xs: number[]) => spread(xs).median;
  return {
    tables,
    notCopied: [...new Set(rounds.flatMap((r) => r.copy.notCopied))],
    rowsPerCsvRow: median(rounds.map((r) => r.copy.rows / r.handled)),
    csvRowsPerSecond: spread(rounds.map((r) => r.handled / r.copy.seconds)),
    tableRowsPerSecond: spread(rounds.map((r) => r.copy.rows / r.copy.seconds)),
    ratios: rounds.map((r) => r.copy.seconds / r.importSeconds),
    ratio: spread(rounds.map((r) => r.copy.seconds / r.importSeconds)),
    benchCpuMsPerCsvRow: median(rounds.map((r) => r.copy.benchCpuMs / r.handled)),
    postgresCpuMsPerCsvRow: median(rounds.map((r) => r.copy.postgresCpuMs / r.handled)),
    cpuMsPerCsvRow: median(rounds.map((r) => (r.copy.benchCpuMs + r.copy.postgresCpuMs) / r.handled)),
  };
}

runMain(main);
