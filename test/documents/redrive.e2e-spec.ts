import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { RedrivePendingChecks } from '@masar/documents';
import { describeWithRedis, type QueueKind } from '@masar/testing';
import { clamdEnv } from './support/clamd';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { startDocumentsWorkerOverMap } from './support/documents-worker';
import { pdfWithPages } from './fixtures';

/**
 * A check whose job the queue lost (Redis stopped without saving after the outbox published it) is queued again by
 * the scheduled redrive ('documents.redrive', as the worker's job scheduler adds it; a scheduler the queue lost is
 * put back by the worker's schedules check: test/cases/worker-schedules.e2e-spec.ts, apps/worker/src/schedules.spec.ts),
 * and the document is checked once. On both queue backends: the redrive asks the queue whether the job exists.
 */
function suite(queue: QueueKind) {
  let t: DocumentsTestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    t = await createDocumentsTestApp(clamdEnv(), queue);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const status = async (id: string) => (await t.dataSource.query(`select status from documents where id = $1`, [id]))[0].status as string;

  it('is queued again by the scheduled redrive, and checked once', async () => {
    const file = t.files.add({ officeId: t.staff.offices.RAB!, category: 'residence_five_years', state: 'awaiting_documents', applicationDate: new Date().toISOString().slice(0, 10) });
    const res = await t.upload(CASEWORKER_RABAT, file.applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2010-01-01' }, 'lease.pdf');
    expect(res.statusCode).toBe(201);
    const documentId = res.json().id as string;
    // The relay published it and the queue lost it: the outbox row is sent, no job exists.
    await t.dataSource.query(`update outbox_messages set sent_at = now() where payload->>'documentId' = $1`, [documentId]);
    await t.dataSource.query(`update documents set uploaded_at = now() - interval '20 minutes' where id = $1`, [documentId]);
    // The queue holds no job for it: a worker alone leaves it pending.
    worker = await startDocumentsWorkerOverMap(t.config, t.files);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await status(documentId)).toBe('pending_check');
    // The scheduler's tick: the job it adds every 5 minutes (MASAR_SCHEDULES is off in tests).
    await worker.get<Queue>(getQueueToken('documents'), { strict: false }).add('documents.redrive', {});
    const end = Date.now() + 30_000;
    while ((await status(documentId)) === 'pending_check' && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await status(documentId)).toBe('verified');
    // Looking again while it is done adds nothing.
    expect(await worker.get(RedrivePendingChecks).execute()).toEqual({ redriven: 0 });
    const results = await t.dataSource.query(`select count(*)::int as n from document_check_results where document_id = $1`, [documentId]);
    expect(results).toEqual([{ n: 1 }]);
  });
}

describe('a document check whose job was lost (PostgreSQL queue backend)', () => suite('postgres'));
describeWithRedis('a document check whose job was lost (Redis queue backend)', () => suite('redis'));
