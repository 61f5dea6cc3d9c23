import type { INestApplicationContext } from '@nestjs/common';
import { RedrivePendingChecks } from '@masar/documents';
import { redisUrlForTests } from '@masar/testing';
import { clamdEnv } from './support/clamd';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { startDocumentsWorkerOverMap } from './support/documents-worker';
import { pdfWithPages } from './fixtures';

/**
 * A check whose job the queue lost (Redis stopped without saving after the outbox published it) is queued again by
 * the scheduled redrive, and the document is checked once.
 */
describe('a document check whose job was lost', () => {
  let t: DocumentsTestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    if (!redisUrlForTests()) throw new Error('Redis is not available');
    t = await createDocumentsTestApp(clamdEnv(), 'redis');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const status = async (id: string) => (await t.dataSource.query(`select status from documents where id = $1`, [id]))[0].status as string;

  it('stays pending until the redrive queues it again, then is checked once', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents', applicationDate: new Date().toISOString().slice(0, 10) });
    const res = await t.upload(CASEWORKER_RABAT, file.applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2010-01-01' }, 'lease.pdf');
    expect(res.statusCode).toBe(201);
    const documentId = res.json().id as string;
    // The relay published it and the queue lost it: the outbox row is sent, no job exists.
    await t.dataSource.query(`update outbox_messages set sent_at = now() where payload->>'documentId' = $1`, [documentId]);
    await t.dataSource.query(`update documents set uploaded_at = now() - interval '20 minutes' where id = $1`, [documentId]);
    worker = await startDocumentsWorkerOverMap(t.config, t.files);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await status(documentId)).toBe('pending_check');

    const redrive = worker.get(RedrivePendingChecks);
    expect(await redrive.execute()).toEqual({ redriven: 1 });
    // A second run while the job exists adds nothing.
    expect((await redrive.execute()).redriven).toBeLessThanOrEqual(1);
    const end = Date.now() + 30_000;
    while ((await status(documentId)) === 'pending_check' && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await status(documentId)).toBe('verified');
    expect(await redrive.execute()).toEqual({ redriven: 0 });
    const results = await t.dataSource.query(`select count(*)::int as n from document_check_results where document_id = $1`, [documentId]);
    expect(results).toEqual([{ n: 1 }]);
  });
});
