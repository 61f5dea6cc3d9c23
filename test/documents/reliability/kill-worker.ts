/**
 * Kill test for document checks: 1,000 uploaded documents (a third each identity documents, photos and proofs of
 * residence, three per file), the worker SIGKILLed three times while they are checked, restarted each time; then
 * every check must be recorded once and every complete file moved on once.
 *
 *   node -r @swc-node/register test/documents/reliability/kill-worker.ts [--queue redis|postgres] [--count 1000]
 *
 * Uses clamd when CLAMD_HOST is set (scripts/ci/clamd.sh). Prints one PASS/FAIL line with the counts.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@masar/config';
import { dataSourceOptions } from '@masar/database';
import { runMigrations } from '@masar/db';
import { LocalDiskDocumentStorage } from '@masar/documents';
import { Outbox } from '@masar/outbox';
import { chunksOf, image, pdfWithPages } from '../fixtures';
import { DerivedCaseFiles } from './derived-case-files';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const COUNT = Number(arg('--count', '1000'));
const QUEUE = arg('--queue', 'redis');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const KINDS = [
  { kind: 'identity_document', expiresOn: '2099-01-01', issuedOn: null },
  { kind: 'photo', expiresOn: null, issuedOn: null },
  { kind: 'proof_of_residence', expiresOn: null, issuedOn: '2010-06-01' },
] as const;

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
  const storageDir = await mkdtemp(join(tmpdir(), 'masar-docs-kill-'));
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    REDIS_URL: QUEUE === 'redis' ? REDIS_URL : '',
    QUEUE_PREFIX: `kill${randomBytes(3).toString('hex')}`,
    STORAGE_DIR: storageDir,
    WORKER_CONCURRENCY: '8',
    MASAR_STATE_DIR: join(__dirname, '..', '..', '..', '.masar', 'test-state'),
  };
  const startWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = fork(join(__dirname, 'documents-worker.main.ts'), [], { env, execArgv: ['-r', '@swc-node/register'], stdio: 'inherit' });
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    });

  const ds = await new DataSource(dataSourceOptions(dbUrl, 4)).initialize();
  await ds.query(`create table killtest_moves (application_id uuid not null, at timestamptz not null default now())`);
  // The same keys as the worker: both load the development keys kept under MASAR_STATE_DIR.
  process.env.MASAR_STATE_DIR = env.MASAR_STATE_DIR;
  const storage = new LocalDiskDocumentStorage({ ...loadConfig({ ...env, STORAGE_DIR: storageDir }) });
  const outbox = new Outbox();
  const files = new DerivedCaseFiles();
  const uploader = randomUUID();

  // Uploads arrive in batches of one file (three documents) per transaction, as the upload endpoint writes them.
  let worker = await startWorker();
  const started = Date.now();
  const producing = (async () => {
    for (let i = 0; i < COUNT; i += KINDS.length) {
      const file = await files.find(randomUUID());
      const docs: { kind: string; contentType: string; sha256: string; size: number; issuedOn: string | null; expiresOn: string | null }[] = [];
      for (let j = i; j < Math.min(COUNT, i + KINDS.length); j++) {
        const spec = KINDS[j - i]!;
        const bytes = spec.kind === 'photo' ? await image('jpeg', 600, 800) : await pdfWithPages(1);
        const stored = await storage.put(chunksOf(bytes, 64 * 1024), { maxBytes: 10 * 1024 * 1024 });
        docs.push({ kind: spec.kind, contentType: spec.kind === 'photo' ? 'image/jpeg' : 'application/pdf', sha256: stored.sha256, size: stored.sizeBytes, issuedOn: spec.issuedOn, expiresOn: spec.expiresOn });
      }
      await ds.transaction(async (m) => {
        for (const d of docs) {
          const [{ id }] = await m.query(
            `insert into documents (application_id, person_id, kind, content_type, sha256, size_bytes, issued_on, expires_on, uploaded_by, uploaded_by_role)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'caseworker') returning id`,
            [file.applicationId, file.personId, d.kind, d.contentType, d.sha256, d.size, d.issuedOn, d.expiresOn, uploader],
          );
          await outbox.add(m, 'documents.check', { documentId: id }, { id });
        }
      });
    }
  })();

  const checked = async () => (await ds.query(`select count(*)::int as n from document_check_results`))[0].n as number;
  const kills: number[] = [];
  for (const threshold of [0.2, 0.45, 0.7].map((f) => Math.floor(f * COUNT))) {
    while ((await checked()) < threshold) await sleep(20);
    worker.kill('SIGKILL');
    kills.push(await checked());
    await new Promise((r) => worker.once('exit', r));
    worker = await startWorker();
  }
  await producing;

  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline && (await checked()) < COUNT) await sleep(500);
  const elapsed = (Date.now() - started) / 1000;

  const [{ documents, pending }] = await ds.query(`select count(*)::int as documents, count(*) filter (where status = 'pending_check')::int as pending from documents`);
  const statuses = Object.fromEntries(
    (await ds.query(`select status, count(*)::int as n from documents group by status`)).map((r: { status: string; n: number }) => [r.status, r.n]),
  );
  const [{ results, distinct }] = await ds.query(`select count(*)::int as results, count(distinct document_id)::int as distinct from document_check_results`);
  const [{ complete }] = await ds.query(
    `select count(*)::int as complete from (select application_id from documents group by application_id having count(*) filter (where status = 'verified') = 3) f`,
  );
  const [{ moves, movedFiles }] = await ds.query(`select count(*)::int as moves, count(distinct application_id)::int as "movedFiles" from killtest_moves`);
  const expectedFiles = Math.floor(COUNT / KINDS.length);
  const pass =
    documents === COUNT && pending === 0 && results === COUNT && distinct === COUNT && statuses.verified === COUNT && complete === expectedFiles && moves === expectedFiles && movedFiles === expectedFiles;
  console.log(
    `${pass ? 'PASS' : 'FAIL'} documents kill test (${QUEUE}, malware scan ${process.env.CLAMD_HOST ? 'clamd' : 'off'}): ${COUNT} documents, ` +
      `SIGKILL x${kills.length} at ${kills.join('/')} checked; results ${results} (distinct documents ${distinct}); statuses ${JSON.stringify(statuses)}; ` +
      `complete files ${complete}/${expectedFiles}; moves ${moves} (distinct files ${movedFiles}); ${elapsed.toFixed(1)} s`,
  );
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await ds.destroy();
  await rm(storageDir, { recursive: true, force: true });
  await admin(`drop database "${dbName}" with (force)`);
  process.exit(pass ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
