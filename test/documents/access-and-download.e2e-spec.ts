import { createHash } from 'node:crypto';
import {
  ADMIN,
  APPLICANT,
  CASEWORKER_CASABLANCA,
  CASEWORKER_RABAT,
  createDocumentsTestApp,
  SUPERVISOR_RABAT,
  type DocumentsTestApp,
} from './support/documents-test-app';
import { pdfWithPages } from './fixtures';
import { checkerFor } from './support/checker';

/** Who may add documents to a file and read them; every download is recorded as an access. */
describe('document access', () => {
  let t: DocumentsTestApp;
  let rabatFile: string;
  let ownFile: string;
  let documentId: string;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await createDocumentsTestApp();
    rabatFile = t.files.add({ officeId: t.staff.offices.RAB! }).applicationId;
    ownFile = t.files.add({ officeId: t.staff.offices.RAB!, applicantUserId: t.staff.users[APPLICANT]! }).applicationId;
    pdf = await pdfWithPages(2);
    const res = await t.upload(CASEWORKER_RABAT, rabatFile, pdf, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    expect(res.statusCode).toBe(201);
    documentId = res.json().id;
    // Documents are handed out once checked (see the test on a document still being checked below).
    expect(await checkerFor(t).execute(documentId)).toMatchObject({ verdict: 'verified' });
  });
  afterAll(() => t.close());

  const downloads = async (id: string) =>
    (await t.dataSource.query(`select actor_id, application_id from audit_events where action = 'document.download' and subject_id = $1`, [id])) as {
      actor_id: string;
      application_id: string;
    }[];

  it('the applicant uploads to their own file, with the date the checks need', async () => {
    const res = await t.upload(APPLICANT, ownFile, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    expect(res.statusCode).toBe(201);
    const [row] = await t.dataSource.query(`select uploaded_by, uploaded_by_role, issued_on::text from documents where id = $1`, [res.json().id]);
    expect(row).toEqual({ uploaded_by: t.staff.users[APPLICANT], uploaded_by_role: 'applicant', issued_on: '2011-01-01' });
  });

  it("the applicant cannot see or upload to someone else's file: 404, as for a file that does not exist", async () => {
    const res = await t.upload(APPLICANT, rabatFile, await pdfWithPages(1), { kind: 'proof_of_residence' });
    expect(res.statusCode).toBe(404);
    const unknown = await t.upload(APPLICANT, '6f1c1a4e-8d0b-4c1e-9a57-3f1f3b0c2d11', await pdfWithPages(1), { kind: 'proof_of_residence' });
    expect(unknown.json()).toEqual({ ...res.json(), instance: unknown.json().instance, errorId: unknown.json().errorId });
  });

  it('a caseworker of another office gets 404 for the upload, the checklist and the download', async () => {
    expect((await t.upload(CASEWORKER_CASABLANCA, rabatFile, await pdfWithPages(1), { kind: 'proof_of_residence' })).statusCode).toBe(404);
    const h = await t.as(CASEWORKER_CASABLANCA);
    expect((await t.app.inject({ method: 'GET', url: `/applications/${rabatFile}/documents`, headers: h })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/documents/${documentId}/content`, headers: h })).statusCode).toBe(404);
  });

  it('a supervisor may read the office\'s documents but not add any (403)', async () => {
    expect((await t.upload(SUPERVISOR_RABAT, rabatFile, await pdfWithPages(1), { kind: 'proof_of_residence' })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'GET', url: `/documents/${documentId}/content`, headers: await t.as(SUPERVISOR_RABAT) });
    expect(res.statusCode).toBe(200);
  });

  it('an administrator reads no document (403 by role)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/documents/${documentId}/content`, headers: await t.as(ADMIN) });
    expect(res.statusCode).toBe(403);
  });

  it('the caseworker of the office downloads the exact bytes, under a name the system made, and the access is recorded', async () => {
    const before = (await downloads(documentId)).length;
    const res = await t.app.inject({ method: 'GET', url: `/documents/${documentId}/content`, headers: await t.as(CASEWORKER_RABAT) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="proof_of_residence-${documentId}.pdf"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
    const after = await downloads(documentId);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ actor_id: t.staff.users[CASEWORKER_RABAT], application_id: rabatFile });
  });

  it('a refused download is not recorded as an access', async () => {
    const before = (await downloads(documentId)).length;
    await t.app.inject({ method: 'GET', url: `/documents/${documentId}/content`, headers: await t.as(CASEWORKER_CASABLANCA) });
    expect(await downloads(documentId)).toHaveLength(before);
  });

  it('a document still being checked is not handed out yet (409 with Retry-After), and its refusal is not an access', async () => {
    const res = await t.upload(CASEWORKER_RABAT, rabatFile, await pdfWithPages(1), { kind: 'identity_document', expiresOn: '2030-01-01' });
    const pending = res.json().id as string;
    const download = await t.app.inject({ method: 'GET', url: `/documents/${pending}/content`, headers: await t.as(CASEWORKER_RABAT) });
    expect(download.statusCode).toBe(409);
    expect(download.json().code).toBe('DOCUMENTS_NOT_CHECKED_YET');
    expect(download.headers['retry-after']).toBe('10');
    expect(await downloads(pending)).toEqual([]);
  });

  it('the applicant sees the checklist of their own file', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/applications/${ownFile}/documents`, headers: await t.as(APPLICANT) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { kind: string; status: string }) => `${i.kind}:${i.status}`)).toEqual([
      'identity_document:missing',
      'photo:missing',
      'proof_of_residence:pending_check',
    ]);
  });
});
