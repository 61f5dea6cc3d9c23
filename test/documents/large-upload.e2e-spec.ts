import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { pdfWithPages } from './fixtures';

/** The JSON body limit of the API (256 KiB by default) does not apply to uploads: they have their own. */
describe('a scan of several megabytes', () => {
  let t: DocumentsTestApp;

  beforeAll(async () => {
    t = await createDocumentsTestApp({ MAX_DOCUMENT_BYTES: String(4 * 1024 * 1024) });
  });
  afterAll(() => t.close());

  it('is taken whole, far above the JSON body limit', async () => {
    const id = t.files.add({ officeId: t.staff.offices.RAB! }).applicationId;
    const scan = Buffer.concat([await pdfWithPages(1), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    expect(t.config.http.bodyLimitBytes).toBeLessThan(scan.length);
    const res = await t.upload(CASEWORKER_RABAT, id, scan, { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().sizeBytes).toBe(scan.length);
  });
});
