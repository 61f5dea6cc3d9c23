import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckDocument } from '@masar/documents';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { checkerFor } from './support/checker';
import { clamdAnswers, describeWithClamd } from './support/clamd';
import { encryptedPdf, image, pdfCarryingEicar, pdfWithPages } from './fixtures';

/**
 * Each check of the 'documents.check' job on real uploads: database, storage and clamd all real. The use case is called
 * directly, no job goes through a queue, so one queue backend is enough (check-job.e2e-spec.ts runs the job on both).
 */
describe('checking an uploaded document', () => {
  let t: DocumentsTestApp;
  let check: CheckDocument;
  const TODAY = '2017-06-15';

  beforeAll(async () => {
    t = await createDocumentsTestApp();
    check = checkerFor(t);
  });
  afterAll(() => t.close());

  const newFile = (extra: Parameters<DocumentsTestApp['files']['add']>[0] extends infer P ? Partial<P> : never = {}) =>
    t.files.add({ officeId: t.staff.offices.RAB!, ...extra });

  async function upload(applicationId: string, bytes: Buffer, query: Record<string, string>, name = 'scan.pdf'): Promise<string> {
    const res = await t.upload(CASEWORKER_RABAT, applicationId, bytes, query, name);
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json().id;
  }

  const statusOf = async (id: string) =>
    (await t.dataSource.query(`select status, rejection_reason from documents where id = $1`, [id]))[0] as { status: string; rejection_reason: string | null };

  it('verifies a readable PDF identity document that is still valid', async () => {
    const id = await upload(newFile().applicationId, await pdfWithPages(2), { kind: 'identity_document', expiresOn: '2020-01-01' });
    const outcome = await check.execute(id, TODAY);
    expect(outcome).toMatchObject({ result: 'recorded', verdict: 'verified' });
    expect((outcome as { findings: { check: string; outcome: string }[] }).findings.map((f) => `${f.check}:${f.outcome}`)).toEqual([
      'hash:passed',
      'content:passed',
      clamdAnswers() ? 'malware:passed' : 'malware:skipped',
      'dates:passed',
      'duplicate:passed',
    ]);
    expect(await statusOf(id)).toEqual({ status: 'verified', rejection_reason: null });
  });

  it('records the result once: a second run of the job changes nothing', async () => {
    const id = await upload(newFile().applicationId, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2020-01-01' });
    await check.execute(id, TODAY);
    const [first] = await t.dataSource.query(`select checked_at from document_check_results where document_id = $1`, [id]);
    expect(await check.execute(id, TODAY)).toEqual({ result: 'already_checked', status: 'verified' });
    const rows = await t.dataSource.query(`select checked_at from document_check_results where document_id = $1`, [id]);
    expect(rows).toEqual([first]);
  });

  it('two workers checking the same document at once record one result', async () => {
    const id = await upload(newFile().applicationId, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2020-01-01' });
    const outcomes = await Promise.all([check.execute(id, TODAY), check.execute(id, TODAY), check.execute(id, TODAY)]);
    expect(outcomes.filter((o) => o.result === 'recorded')).toHaveLength(1);
    expect(await t.dataSource.query(`select count(*)::int as n from document_check_results where document_id = $1`, [id])).toEqual([{ n: 1 }]);
  });

  it('rejects an encrypted PDF, and the checklist shows the reason', async () => {
    const file = newFile();
    const id = await upload(file.applicationId, await encryptedPdf(), { kind: 'identity_document', expiresOn: '2020-01-01' });
    expect(await check.execute(id, TODAY)).toMatchObject({ verdict: 'rejected' });
    expect(await statusOf(id)).toEqual({ status: 'rejected', rejection_reason: 'pdf_encrypted' });
    const res = await t.app.inject({ method: 'GET', url: `/applications/${file.applicationId}/documents`, headers: await t.as(CASEWORKER_RABAT) });
    expect(res.json().items.find((i: { kind: string }) => i.kind === 'identity_document')).toMatchObject({ status: 'rejected', reason: 'pdf_encrypted' });
  });

  it('rejects a photo too small to print on a card', async () => {
    const id = await upload(newFile().applicationId, await image('jpeg', 200, 260), { kind: 'photo' }, 'me.jpg');
    await check.execute(id, TODAY);
    expect(await statusOf(id)).toEqual({ status: 'rejected', rejection_reason: 'image_too_small' });
  });

  it('rejects a document whose stored bytes changed after upload', async () => {
    const id = await upload(newFile().applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    const [{ sha256 }] = await t.dataSource.query(`select sha256 from documents where id = $1`, [id]);
    const path = join(t.storageDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const bytes = await readFile(path);
    bytes[bytes.length - 20] ^= 0xff;
    await writeFile(path, bytes);
    await check.execute(id, TODAY);
    expect(await statusOf(id)).toEqual({ status: 'rejected', rejection_reason: 'hash_mismatch' });
    const download = await t.app.inject({ method: 'GET', url: `/documents/${id}/content`, headers: await t.as(CASEWORKER_RABAT) });
    expect(download.json()).toMatchObject({ status: 409, code: 'DOCUMENTS_UNREADABLE' });
  });

  describeWithClamd('with clamd', () => {
    it('passes a clean PDF through the scan and catches the EICAR test string carried inside an otherwise valid PDF', async () => {
      const clean = await upload(newFile().applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
      const cleanOutcome = await check.execute(clean, TODAY);
      expect((cleanOutcome as { findings: { check: string; outcome: string }[] }).findings.find((f) => f.check === 'malware')).toMatchObject({ outcome: 'passed' });

      const id = await upload(newFile().applicationId, await pdfCarryingEicar(), { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
      const outcome = await check.execute(id, TODAY);
      expect(outcome).toMatchObject({ verdict: 'rejected' });
      const malware = (outcome as { findings: { check: string; outcome: string; detail?: string }[] }).findings.find((f) => f.check === 'malware');
      expect(malware).toMatchObject({ outcome: 'rejected' });
      expect(malware!.detail).toMatch(/Eicar/i);
      expect(await statusOf(id)).toEqual({ status: 'rejected', rejection_reason: 'malware_found' });
      // Quarantined: nobody downloads it, not even the caseworker of the office.
      const download = await t.app.inject({ method: 'GET', url: `/documents/${id}/content`, headers: await t.as(CASEWORKER_RABAT) });
      expect(download.statusCode).toBe(409);
      expect(download.json().code).toBe('DOCUMENTS_QUARANTINED');
    });
  });

  it('without a configured scanner the malware check is recorded as skipped', async () => {
    const id = await upload(newFile().applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    const outcome = await checkerFor(t, null).execute(id, TODAY);
    expect((outcome as { findings: { check: string; outcome: string }[] }).findings.find((f) => f.check === 'malware')).toMatchObject({
      outcome: 'skipped',
    });
  });

  it('flags an expired identity document for a caseworker to look at', async () => {
    const id = await upload(newFile().applicationId, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2016-12-31' });
    const outcome = await check.execute(id, TODAY);
    expect(outcome).toMatchObject({ verdict: 'in_review' });
    expect(await statusOf(id)).toEqual({ status: 'in_review', rejection_reason: null });
    const [{ findings }] = await t.dataSource.query(`select findings from document_check_results where document_id = $1`, [id]);
    expect(findings).toContainEqual(expect.objectContaining({ check: 'dates', outcome: 'flagged', reason: 'identity_document_expired' }));
  });

  it('flags proof of residence too recent for five years of residence', async () => {
    const file = newFile({ applicationDate: '2017-03-01' });
    const id = await upload(file.applicationId, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2015-01-01' });
    await check.execute(id, TODAY);
    const [{ findings }] = await t.dataSource.query(`select findings from document_check_results where document_id = $1`, [id]);
    expect(findings).toContainEqual(expect.objectContaining({ check: 'dates', reason: 'document_too_recent' }));
  });
});
