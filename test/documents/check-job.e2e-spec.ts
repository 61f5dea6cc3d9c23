import type { INestApplicationContext } from '@nestjs/common';
import { QUEUE_BACKENDS, redisUrlForTests } from '@masar/testing';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { startDocumentsWorkerOverMap } from './support/documents-worker';
import { clamdAnswers, clamdEnv } from './support/clamd';
import { image, pdfCarryingEicar, pdfWithPages } from './fixtures';

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The whole path: upload over HTTP, the outbox row relayed to BullMQ by the worker, the 'documents.check' processor,
 * the result in the database, and the file moving on. On both queue backends.
 */
describe.each(QUEUE_BACKENDS)('the documents.check job on the %s queue backend', (backend) => {
  let t: DocumentsTestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    if (backend === 'redis' && !redisUrlForTests()) throw new Error('Redis is not available: the Redis backend cannot be tested');
    t = await createDocumentsTestApp(clamdEnv(), backend);
    worker = await startDocumentsWorkerOverMap(t.config, t.files);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const statuses = async (applicationId: string) =>
    (await t.dataSource.query(`select kind, status, rejection_reason from documents where application_id = $1 order by kind`, [applicationId])) as {
      kind: string;
      status: string;
      rejection_reason: string | null;
    }[];

  it('checks every uploaded document once and moves the complete file on', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents', applicationDate: new Date().toISOString().slice(0, 10) });
    const uploads: [Buffer, Record<string, string>, string][] = [
      [await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2099-01-01' }, 'id.pdf'],
      [await image('webp', 600, 800), { kind: 'photo' }, 'photo.webp'],
      [await pdfWithPages(2), { kind: 'proof_of_residence', issuedOn: '2010-01-01' }, 'lease.pdf'],
    ];
    for (const [bytes, q, name] of uploads) expect((await t.upload(CASEWORKER_RABAT, file.applicationId, bytes, q, name)).statusCode).toBe(201);

    const done = await until('three checked documents', () => statuses(file.applicationId), (rows) => rows.every((r) => r.status !== 'pending_check'));
    expect(done.map((r) => `${r.kind}:${r.status}`)).toEqual(['identity_document:verified', 'photo:verified', 'proof_of_residence:verified']);
    await until('the file to move on', async () => t.files.files.get(file.applicationId)!.state, (s) => s === 'completeness_check');
    expect(t.files.moves.filter((m) => m === file.applicationId)).toHaveLength(1);
    const results = await t.dataSource.query(
      `select count(*)::int as n from document_check_results r join documents d on d.id = r.document_id where d.application_id = $1`,
      [file.applicationId],
    );
    expect(results).toEqual([{ n: 3 }]);
  });

  // Skipped, with the harness's message, without clamd; an error in CI (see describeWithClamd).
  (clamdAnswers() || process.env.CI ? it : it.skip)('the worker rejects a PDF carrying the EICAR test string (clamd configured through CLAMD_HOST)', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB! });
    const res = await t.upload(CASEWORKER_RABAT, file.applicationId, await pdfCarryingEicar(), { kind: 'proof_of_residence', issuedOn: '2010-01-01' });
    expect(res.statusCode).toBe(201);
    const [row] = await until('the check', () => statuses(file.applicationId), (rows) => rows[0]?.status !== 'pending_check');
    expect(row).toEqual({ kind: 'proof_of_residence', status: 'rejected', rejection_reason: 'malware_found' });
  });
});
