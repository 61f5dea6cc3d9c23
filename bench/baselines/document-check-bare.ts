/**
 * The bare baseline of the document-check worker: a plain BullMQ Worker on the same Redis, same concurrency, whose
 * processor runs the same check functions of the documents context (hash, PDF or image, malware through the same
 * scanner port when configured, dates by the same checklist rule, the duplicate look-up) on the same stored bytes,
 * and records the result with two statements in one transaction. No Nest, no logging, no advisory lock per file,
 * no checklist recomputation and no moving the file on.
 */
import { Worker } from 'bullmq';
import { Pool } from 'pg';
import { loadConfig } from '@masar/config';
import { configureQueueBackend } from '@masar/queue';
import { LocalDiskDocumentStorage, type DocumentKind } from '@masar/documents';
import { ruleFor } from '../../libs/documents/src/checklist/checklist-rules';
import { checkDates } from '../../libs/documents/src/checks/dates.check';
import { flagged, passed, verdictOf, type Finding } from '../../libs/documents/src/checks/finding';
import { checkHash } from '../../libs/documents/src/checks/hash.check';
import { checkImage } from '../../libs/documents/src/checks/image.check';
import { checkMalware } from '../../libs/documents/src/checks/malware.check';
import { checkPdf } from '../../libs/documents/src/checks/pdf.check';
import { DOCUMENT_KIND_SPECS } from '../../libs/documents/src/checklist/document-kinds';
import { ClamdMalwareScanner } from '@masar/documents';

async function main(): Promise<void> {
  const config = loadConfig();
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  const pool = new Pool({ connectionString: config.database.url, max: 10 });
  const storage = new LocalDiskDocumentStorage(config);
  const scanner = config.clamd.host ? new ClamdMalwareScanner({ host: config.clamd.host, port: config.clamd.port, timeoutMs: config.clamd.timeoutMs }) : null;
  const worker = new Worker(
    'documents',
    async (job) => {
      const { rows } = await pool.query(
        `select d.id, d.application_id, d.person_id, d.kind, d.content_type, d.sha256, d.issued_on::text, d.expires_on::text, d.status,
                a.kind as file_kind, a.category, to_char(coalesce(a.submitted_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD') as day
           from documents d join applications a on a.id = d.application_id where d.id = $1`,
        [job.data.documentId],
      );
      const doc = rows[0];
      if (!doc || doc.status !== 'pending_check') return { result: 'skipped' };
      const hash = await checkHash(await storage.open(doc.sha256), doc.sha256);
      const chunks: Buffer[] = [];
      for await (const c of await storage.open(doc.sha256)) chunks.push(Buffer.from(c));
      const bytes = Buffer.concat(chunks);
      const content = doc.content_type === 'application/pdf' ? await checkPdf(bytes) : await checkImage(bytes, DOCUMENT_KIND_SPECS[doc.kind as DocumentKind].minImage);
      const malware = await checkMalware(scanner, () => storage.open(doc.sha256));
      const dates = checkDates(ruleFor(doc.file_kind, doc.category, doc.kind)?.dateRule, { issuedOn: doc.issued_on, expiresOn: doc.expires_on }, { today: new Date().toISOString().slice(0, 10), applicationDate: doc.day });
      const c = await pool.connect();
      try {
        await c.query('begin');
        const dup = await c.query(`select o.id from documents o where o.sha256 = $1 and o.person_id <> $2 and o.id <> $3 limit 1`, [doc.sha256, doc.person_id, doc.id]);
        const all: Finding[] = [hash, content, malware, dates, dup.rows[0] ? flagged('duplicate', 'same_file_other_person', 'The same file was already submitted for another person.') : passed('duplicate')];
        const verdict = verdictOf(all);
        const rejection = all.find((f) => f.outcome === 'rejected') as { reason: string; detail: string } | undefined;
        const inserted = await c.query(`insert into document_check_results (document_id, verdict, findings) values ($1, $2, $3::jsonb) on conflict do nothing`, [doc.id, verdict, JSON.stringify(all)]);
        if (inserted.rowCount) {
          await c.query(`update documents set status = $2, rejection_reason = $3, rejection_detail = $4, checked_at = now() where id = $1`, [doc.id, verdict, rejection?.reason ?? null, rejection?.detail ?? null]);
        }
        await c.query('commit');
        return { result: 'recorded', verdict };
      } catch (e) {
        await c.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    { connection: backend.connection, prefix: backend.prefix, concurrency: config.worker.concurrency },
  );
  await worker.waitUntilReady();
  console.log('bare document-check worker ready');
  const stop = async () => {
    await worker.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
