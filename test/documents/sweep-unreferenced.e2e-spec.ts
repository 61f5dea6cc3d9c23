import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentStorage, SweepUnreferencedContent } from '@masar/documents';
import { DataSource } from 'typeorm';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { chunksOf, pdfWithPages } from './fixtures';

/** Content no document refers to (an upload whose transaction failed, a crash mid-upload) does not stay on disk. */
describe('sweeping unreferenced document content', () => {
  let t: DocumentsTestApp;
  let storage: DocumentStorage;
  let sweep: SweepUnreferencedContent;
  const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  const pathOf = (sha256: string) => join(t.storageDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const age = (path: string) => utimes(path, twoDaysAgo, twoDaysAgo);

  beforeAll(async () => {
    t = await createDocumentsTestApp();
    storage = t.app.get(DocumentStorage);
    sweep = new SweepUnreferencedContent(storage, t.app.get(DataSource));
  });
  afterAll(() => t.close());

  it('removes old unreferenced content and dead temporary files, keeps what a document uses and what is recent', async () => {
    const id = t.files.add({ officeId: t.staff.offices.RAB! }).applicationId;
    const res = await t.upload(CASEWORKER_RABAT, id, await pdfWithPages(1), { kind: 'proof_of_residence', issuedOn: '2011-01-01' });
    const [{ sha256: used }] = await t.dataSource.query(`select sha256 from documents where id = $1`, [res.json().id]);
    const orphan = (await storage.put(chunksOf(await pdfWithPages(1)), { maxBytes: 1 << 20 })).sha256;
    const recentOrphan = (await storage.put(chunksOf(await pdfWithPages(1)), { maxBytes: 1 << 20 })).sha256;
    const deadTemp = join(t.storageDir, '.incoming-killed-upload');
    await writeFile(deadTemp, 'partial');
    for (const p of [pathOf(used), pathOf(orphan), deadTemp]) await age(p);

    expect(await sweep.execute()).toEqual({ examined: 2, removed: 1 });
    expect(await storage.exists(orphan)).toBe(false);
    expect(await storage.exists(used)).toBe(true);
    expect(await storage.exists(recentOrphan)).toBe(true);
    expect((await t.storedFiles()).some((f) => f.includes('.incoming-'))).toBe(false);
    // Running it again finds nothing more to do.
    expect(await sweep.execute()).toEqual({ examined: 1, removed: 0 });
  });
});
