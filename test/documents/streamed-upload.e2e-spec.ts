import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CASEWORKER_RABAT, createDocumentsTestApp, type DocumentsTestApp } from './support/documents-test-app';
import { pdfWithPages } from './fixtures';

/**
 * Over a real socket: the server reads the upload as it arrives and answers 413 once the limit is passed, long
 * before a client sending 128 MiB has finished, so an oversized upload is neither buffered nor stored.
 */
describe('an oversized upload over HTTP', () => {
  let t: DocumentsTestApp;
  let base: string;

  beforeAll(async () => {
    t = await createDocumentsTestApp({ MAX_DOCUMENT_BYTES: String(256 * 1024) });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('is refused with 413 after about the limit, not after the whole body', async () => {
    const applicationId = t.files.add({ officeId: t.staff.offices.RAB! }).applicationId;
    const { authorization } = await t.as(CASEWORKER_RABAT);
    const boundary = 'masar-boundary-7d1f';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const total = 128 * 1024 * 1024;
    let sent = 0;
    let answeredAt = -1;

    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/applications/${applicationId}/documents?kind=proof_of_residence&issuedOn=2011-01-01`, {
        method: 'POST',
        headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answeredAt = sent;
        res.resume();
        res.on('end', () => req.destroy());
        resolve(res.statusCode!);
      });
      req.on('error', (err) => (answeredAt >= 0 ? undefined : reject(err)));
      void (async () => {
        req.write(head);
        req.write(await pdfWithPages(1));
        const piece = Buffer.alloc(64 * 1024, 0x20);
        while (sent < total && answeredAt < 0 && !req.destroyed) {
          sent += piece.length;
          if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
        }
        req.end(`\r\n--${boundary}--\r\n`);
      })().catch(() => undefined);
    });

    expect(status).toBe(413);
    // Loopback socket buffers on both sides hold up to about 12 MiB (measured); the client was nowhere near its 128 MiB.
    expect(answeredAt).toBeLessThan(32 * 1024 * 1024);
    expect(await t.storedFiles()).toEqual([]);
    expect(await t.dataSource.query(`select id from documents where application_id = $1`, [applicationId])).toEqual([]);
  });
});
