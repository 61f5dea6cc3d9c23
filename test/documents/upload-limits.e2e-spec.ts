import { createDocumentsTestApp, CASEWORKER_RABAT, type DocumentsTestApp } from './support/documents-test-app';
import { image, pdfWithPages, windowsExecutable } from './fixtures';

/** Limits are enforced before anything is stored: size (413), count per file (409), type by content (415). */
describe('uploading a document: limits', () => {
  let t: DocumentsTestApp;
  let applicationId: string;

  beforeAll(async () => {
    t = await createDocumentsTestApp({ MAX_DOCUMENT_BYTES: String(200 * 1024), MAX_DOCUMENTS_PER_FILE: '3' });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    applicationId = t.files.add({ officeId: t.staff.offices.RAB! }).applicationId;
  });

  const documentRows = async (id: string) =>
    (await t.dataSource.query(`select kind, content_type, size_bytes, sha256, status from documents where application_id = $1`, [id])) as {
      kind: string;
      content_type: string;
    }[];

  it('stores a PDF, records it pending check, and queues its check with the document id only', async () => {
    const pdf = await pdfWithPages(2);
    const res = await t.upload(CASEWORKER_RABAT, applicationId, pdf, { kind: 'identity_document', expiresOn: '2030-01-01' }, 'passport.pdf');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'identity_document', contentType: 'application/pdf', sizeBytes: pdf.length, status: 'pending_check' });

    const outbox = await t.dataSource.query(`select job_name, queue, payload from outbox_messages where id = $1`, [body.id]);
    expect(outbox).toEqual([{ job_name: 'documents.check', queue: 'documents', payload: { documentId: body.id } }]);
    const audit = await t.dataSource.query(`select action from audit_events where subject_id = $1`, [body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['document.upload']);
    // Stored under its hash: the name the user gave ("passport.pdf") appears nowhere.
    const stored = await t.storedFiles();
    const [row] = await t.dataSource.query(`select sha256 from documents where id = $1`, [body.id]);
    expect(stored).toContain(`${row.sha256.slice(0, 2)}/${row.sha256.slice(2, 4)}/${row.sha256}`);
    expect(stored.join()).not.toContain('passport');
  });

  it('refuses an executable renamed .pdf with 415 and keeps nothing', async () => {
    const before = await t.storedFiles();
    const res = await t.upload(CASEWORKER_RABAT, applicationId, windowsExecutable(), { kind: 'proof_of_residence', issuedOn: '2011-01-01' }, 'bail.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'DOCUMENTS_UNSUPPORTED_TYPE', status: 415 });
    expect(await t.storedFiles()).toEqual(before);
    expect(await documentRows(applicationId)).toEqual([]);
  });

  it('refuses a file above the size limit with 413 and leaves no partial file behind', async () => {
    const before = await t.storedFiles();
    const big = Buffer.concat([await pdfWithPages(1), Buffer.alloc(300 * 1024, 0x20)]);
    const res = await t.upload(CASEWORKER_RABAT, applicationId, big, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'DOCUMENTS_TOO_LARGE', maxBytes: 200 * 1024 });
    expect(await t.storedFiles()).toEqual(before);
    expect(await documentRows(applicationId)).toEqual([]);
  });

  it('refuses the fourth document of a file limited to three with 409, before reading it', async () => {
    const pdf = await pdfWithPages(1);
    for (const kind of ['identity_document', 'proof_of_residence', 'proof_of_residence']) {
      expect((await t.upload(CASEWORKER_RABAT, applicationId, pdf, { kind })).statusCode).toBe(201);
    }
    const res = await t.upload(CASEWORKER_RABAT, applicationId, await image('jpeg', 600, 800), { kind: 'photo' }, 'photo.jpg');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DOCUMENTS_LIMIT_REACHED', max: 3 });
    expect(await documentRows(applicationId)).toHaveLength(3);
  });

  it('a photo must be an image: a PDF sent as a photo is refused with 415', async () => {
    const res = await t.upload(CASEWORKER_RABAT, applicationId, await pdfWithPages(1), { kind: 'photo' }, 'photo.jpg');
    expect(res.statusCode).toBe(415);
  });

  it('accepts a JPEG, a PNG and a WebP by their content whatever their names say', async () => {
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const id = t.files.add({ officeId: t.staff.offices.RAB! }).applicationId;
      const res = await t.upload(CASEWORKER_RABAT, id, await image(format, 600, 800), { kind: 'photo' }, 'photo.pdf');
      expect(res.statusCode).toBe(201);
      expect(res.json().contentType).toBe(`image/${format}`);
    }
  });

  it('refuses a kind that is not on the file\'s checklist with 422, naming the kinds it takes', async () => {
    const res = await t.upload(CASEWORKER_RABAT, applicationId, await pdfWithPages(1), { kind: 'marriage_certificate' });
    expect(res.statusCode).toBe(422);
    expect(res.json().allowed).toEqual(['identity_document', 'photo', 'proof_of_residence']);
  });

  it('refuses a date that is not a calendar day with 400, and a date the kind does not carry', async () => {
    const pdf = await pdfWithPages(1);
    expect((await t.upload(CASEWORKER_RABAT, applicationId, pdf, { kind: 'identity_document', expiresOn: '2030-02-30' })).statusCode).toBe(400);
    expect((await t.upload(CASEWORKER_RABAT, applicationId, pdf, { kind: 'proof_of_residence', expiresOn: '2030-01-01' })).statusCode).toBe(400);
  });
});
