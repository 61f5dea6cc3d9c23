import type { INestApplicationContext } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CasesModule } from '@masar/cases';
import { configureQueueBackend } from '@masar/queue';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DocumentsModule } from '@masar/documents';
import { createTestApp, describeWithRedis, type QueueKind, type TestApp } from '@masar/testing';
import { multipartBody } from './support/multipart';
import { clamdEnv } from './support/clamd';
import { image, pdfWithPages } from './fixtures';

const CW = 'caseworker.rabat@masar.example';
const CW_CASA = 'caseworker.casablanca@masar.example';
const APPLICANT = 'applicant@masar.example';

/**
 * With the real cases context and the real worker process (apps/worker's WorkerModule): a regularisation file waiting for documents gets them over HTTP, the worker checks
 * them, and the file moves on by itself, with the system as the actor of that step in its history. On both queue
 * backends: the checks reach the worker through the queue.
 */
function suite(queue: QueueKind) {
  let t: TestApp;
  let worker: INestApplicationContext;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'masar-docs-cases-'));
    t = await createTestApp({ queue, extraModules: [CasesModule, DocumentsModule], env: { STORAGE_DIR: storageDir, ...clamdEnv() } });
    const backend = configureQueueBackend({ redisUrl: t.config.queue.redisUrl, databaseUrl: t.config.database.url!, prefix: t.config.queue.prefix });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config, backend), { logger: ['error', 'warn'] });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as never, headers: await t.as(CW) });
  const act = async (id: string, action: string, data?: Record<string, unknown>) => {
    const [{ version }] = await t.dataSource.query(`select version from applications where id = $1`, [id]);
    return call('POST', `/applications/${id}/transitions`, { action, data, expectedVersion: version });
  };
  const upload = async (id: string, bytes: Buffer, query: Record<string, string>, name: string, who = CW) => {
    const { payload, headers } = await multipartBody(bytes, name);
    return t.app.inject({
      method: 'POST',
      url: `/applications/${id}/documents?${new URLSearchParams(query)}`,
      headers: { ...headers, ...(await t.as(who)) },
      payload,
    });
  };

  it('moves the file from awaiting documents to the completeness check once the last document is verified', async () => {
    const reg = await call('POST', '/applicants', {
      latinName: 'Mamadou Sow',
      birthDate: { year: 1985 },
      sex: 'male',
      nationality: 'GN',
      preferredLanguage: 'fr',
      confirmNew: true,
    });
    expect(reg.statusCode).toBe(201);
    const opened = await call('POST', '/applications', {
      kind: 'regularisation',
      applicantId: reg.json().applicantId,
      category: 'residence_five_years',
      criteriaVersion: 'MA-2014',
      facts: { residenceSince: '2008-01-01', sex: 'male' },
    });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id as string;
    // The applicant links the file to their account with the receipt's reference and access code.
    const linked = await t.app.inject({
      method: 'POST',
      url: '/me/files',
      headers: await t.as(APPLICANT),
      payload: { reference: opened.json().reference, accessCode: opened.json().accessCode },
    });
    expect(linked.statusCode).toBe(200);
    for (const action of ['submit', 'start_completeness_check']) expect((await act(id, action)).statusCode).toBe(200);
    const requested = await act(id, 'request_documents', { requested: ['identity_document', 'photo', 'proof_of_residence'] });
    expect(requested.statusCode).toBe(200);
    expect(requested.json().state).toBe('awaiting_documents');

    const checklist = await call('GET', `/applications/${id}/documents`);
    expect(checklist.json().items.map((i: { kind: string; status: string }) => `${i.kind}:${i.status}`)).toEqual([
      'identity_document:missing',
      'photo:missing',
      'proof_of_residence:missing',
    ]);

    // A caseworker of another office does not see the file at all.
    expect((await upload(id, await pdfWithPages(1), { kind: 'identity_document' }, 'x.pdf', CW_CASA)).statusCode).toBe(404);

    const residenceProofDate = '2009-06-01';
    for (const [bytes, q, name, who] of [
      [await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2099-01-01' }, 'passport.pdf', CW],
      // The applicant sends their own photo from their account.
      [await image('jpeg', 600, 800), { kind: 'photo' }, 'photo.jpg', APPLICANT],
      [await pdfWithPages(2), { kind: 'proof_of_residence', issuedOn: residenceProofDate }, 'lease.pdf', CW],
    ] as const) {
      const res = await upload(id, bytes, q, name, who);
      expect(res.statusCode).toBe(201);
    }

    const end = Date.now() + 30000;
    let state = '';
    while (Date.now() < end) {
      [{ state }] = await t.dataSource.query(`select state from applications where id = $1`, [id]);
      if (state === 'completeness_check') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('completeness_check');
    const [last] = await t.dataSource.query(`select action, actor_id, actor_role, from_state, to_state from case_history where application_id = $1 order by version desc limit 1`, [id]);
    expect(last).toMatchObject({ action: 'documents_received', actor_role: 'system', from_state: 'awaiting_documents', to_state: 'completeness_check' });
    expect(last.actor_id).toBe('00000000-0000-0000-0000-000000000000');

    // The cases context's guard now reads a complete, verified checklist through the documents port.
    const accepted = await act(id, 'accept_as_complete');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('provincial_review');
  });
}

describe('documents completing a real regularisation file (PostgreSQL queue backend)', () => suite('postgres'));
describeWithRedis('documents completing a real regularisation file (Redis queue backend)', () => suite('redis'));
