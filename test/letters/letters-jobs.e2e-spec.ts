import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DocumentStorage } from '@masar/documents';
import { IssueDecisionLetter, IssueReceipt } from '@masar/letters';
import { Outbox } from '@masar/outbox';
import { createTestApp, type TestApp } from '@masar/testing';
import { aFile } from '../status/support/status-files';
import { aDecision, aDocument } from './support/file-history';
import { startLettersWorker } from './support/letters-worker';
import { actualTexts, decodeQrCode, parsePdf, renderPageToPng } from './support/pdf-inspection';

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the letters jobs', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startLettersWorker(t.config);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const letters = (applicationId: string) =>
    t.dataSource.query(`select kind, decision_id, language, sha256 from issued_letters where application_id = $1 order by issued_at`, [applicationId]) as Promise<
      { kind: string; decision_id: string | null; language: string; sha256: string }[]
    >;
  const storedPdf = async (sha256: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await worker.get(DocumentStorage).open(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('issues the receipt of a submission through the outbox and the letters queue, in the applicant’s language', async () => {
    const file = await aFile(t, { language: 'es', state: 'submitted' });
    await aDocument(t, file.applicationId, file.applicantId, 'identity_document');
    await aDocument(t, file.applicationId, file.applicantId, 'photo', 'pending_check');
    await aDocument(t, file.applicationId, file.applicantId, 'proof_of_entry', 'rejected');
    await t.dataSource.transaction((m) => t.app.get(Outbox).add(m, 'letters.receipt', { applicationId: file.applicationId }, { id: randomUUID() }));

    const [letter] = await until('the receipt', () => letters(file.applicationId), (rows) => rows.length > 0);
    expect(letter).toMatchObject({ kind: 'receipt', decision_id: null, language: 'es' });

    const pdf = await storedPdf(letter!.sha256);
    const { text } = await parsePdf(pdf);
    expect(text).toContain(file.reference);
    expect(text).toContain('Impreso solo en el resguardo entregado en la ventanilla');
    expect(text).not.toContain(file.accessCode);
    // Received: what is on the file and not rejected (the rejected proof of entry is not); missing: what the
    // checklist of a five-years-of-residence file requires and is not there.
    expect(text).toMatch(/Documentos recibidos • Documento de identidad \(pasaporte o tarjeta\) • Foto Documentos que faltan/);
    expect(text).toMatch(/Documentos que faltan • Prueba de que vive en Marruecos \(con fecha\)/);
    expect(text).not.toMatch(/entrada en Marruecos/i);
    expect(await decodeQrCode(await renderPageToPng(pdf))).toBe(`${t.config.http.publicBaseUrl.replace(/\/+$/, '')}/status?ref=${file.reference}`);
    const audited = await t.dataSource.query(`select details from audit_events where action = 'letter.issued' and application_id = $1`, [file.applicationId]);
    expect(audited).toEqual([{ details: expect.objectContaining({ letter: 'receipt', language: 'es', sha256: letter!.sha256 }) }]);
  });

  it('lists and downloads the letters of a file for its office and its applicant only, each download audited', async () => {
    const file = await aFile(t, { language: 'fr' });
    const issued = await worker.get(IssueReceipt).execute(file.applicationId);
    const get = async (url: string, email: string) => t.app.inject({ method: 'GET', url, headers: await t.as(email) });

    const listed = await get(`/applications/${file.applicationId}/letters`, 'caseworker.rabat@masar.example');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([expect.objectContaining({ id: (issued as { letterId: string }).letterId, kind: 'receipt', language: 'fr' })]);
    const letterId = listed.json()[0].id as string;

    const downloaded = await get(`/letters/${letterId}/content`, 'caseworker.rabat@masar.example');
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect((await parsePdf(downloaded.rawPayload)).text).toContain(file.reference);

    // Another office, and an applicant whose account is not linked to this file: as if it did not exist.
    expect((await get(`/letters/${letterId}/content`, 'caseworker.casablanca@masar.example')).statusCode).toBe(404);
    expect((await get(`/letters/${letterId}/content`, 'applicant@masar.example')).statusCode).toBe(404);
    // Once the file's person is linked to the demo applicant's account, the applicant may read it.
    await t.dataSource.query(`update applicants set user_id = (select id from users where email = 'applicant@masar.example') where id = $1`, [file.applicantId]);
    expect((await get(`/letters/${letterId}/content`, 'applicant@masar.example')).statusCode).toBe(200);

    const downloads = await t.dataSource.query(`select actor_role from audit_events where action = 'letter.download' and subject_id = $1 order by seq`, [letterId]);
    expect(downloads).toEqual([{ actor_role: 'caseworker' }, { actor_role: 'applicant' }]);
  });

  it('issues one receipt however often the job runs', async () => {
    const file = await aFile(t, { language: 'ar' });
    const issue = worker.get(IssueReceipt);
    const first = await issue.execute(file.applicationId);
    const second = await issue.execute(file.applicationId);
    expect(first).toMatchObject({ result: 'issued' });
    expect(second).toEqual({ result: 'already_issued', letterId: (first as { letterId: string }).letterId });
    expect(await letters(file.applicationId)).toHaveLength(1);
  });

  it('skips, without failing, a file that is gone', async () => {
    expect(await worker.get(IssueReceipt).execute(randomUUID())).toEqual({ result: 'skipped', why: 'file_gone' });
  });

  it('issues the letter of a first-instance refusal with its reasons, the appeal deadline and the appeal body', async () => {
    const file = await aFile(t, { language: 'ar', state: 'unfavourable_proposed' });
    const decisionId = await aDecision(t, file.applicationId, {
      action: 'confirm_unfavourable',
      toState: 'appeal_window',
      reason: 'لم يتم تقديم ما يثبت الإقامة المتواصلة بالمغرب لمدة خمس سنوات.',
      at: '2027-02-10T09:00:00Z',
      appealDeadline: '2027-03-12',
    });
    await t.dataSource.transaction((m) => t.app.get(Outbox).add(m, 'letters.decision', { applicationId: file.applicationId, decisionId }, { id: randomUUID() }));

    const [letter] = await until('the decision letter', () => letters(file.applicationId), (rows) => rows.length > 0);
    expect(letter).toMatchObject({ kind: 'decision', decision_id: decisionId, language: 'ar' });
    const pdf = await storedPdf(letter!.sha256);
    const { text } = await parsePdf(pdf);
    expect(text).toContain(file.reference);
    expect(text).toContain('2027');
    const words = actualTexts(pdf).flatMap((s) => s.match(/\p{Script=Arabic}+/gu) ?? []);
    expect(words).toEqual(expect.arrayContaining(['يثبت', 'الإقامة', 'المتواصلة', 'مارس', 'الطعن']));
    // The national commission is named as the appeal body (demo offices are named in French).
    expect(text).toContain('Commission nationale de recours');
  });

  it('issues the letter of a decision granted on appeal, without any appeal section', async () => {
    const file = await aFile(t, { language: 'en', state: 'national_commission_review' });
    const decisionId = await aDecision(t, file.applicationId, { action: 'grant_on_appeal', toState: 'card_production', reason: null, at: '2027-05-02T09:00:00Z' });
    const outcome = await worker.get(IssueDecisionLetter).execute(file.applicationId, decisionId);
    expect(outcome).toMatchObject({ result: 'issued' });
    const [letter] = await letters(file.applicationId);
    const { text } = await parsePdf(await storedPdf(letter!.sha256));
    expect(text).toContain('Decision on your appeal');
    expect(text).toContain('Your application for regularisation is accepted.');
    expect(text).toContain('You will be told when your residence card is ready and where to collect it.');
    expect(text).not.toContain('How to appeal');
  });

  it('refuses to issue a refusal without reasons: the job fails and no letter is kept', async () => {
    const file = await aFile(t, { language: 'fr', state: 'unfavourable_proposed' });
    const decisionId = await aDecision(t, file.applicationId, {
      action: 'confirm_unfavourable',
      toState: 'appeal_window',
      reason: null,
      at: '2027-02-10T09:00:00Z',
      appealDeadline: '2027-03-12',
    });
    await expect(worker.get(IssueDecisionLetter).execute(file.applicationId, decisionId)).rejects.toMatchObject({ code: 'LETTERS_REASONS_REQUIRED' });
    expect(await letters(file.applicationId)).toEqual([]);
  });

  it('skips a history step that decided nothing', async () => {
    const file = await aFile(t);
    const stepId = await aDecision(t, file.applicationId, { action: 'start_completeness_check', toState: 'completeness_check', reason: null, at: '2027-01-02T09:00:00Z' });
    expect(await worker.get(IssueDecisionLetter).execute(file.applicationId, stepId)).toEqual({ result: 'skipped', why: 'not_a_decision' });
  });
});
