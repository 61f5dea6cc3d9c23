import { createTestApp, type TestApp } from '@masar/testing';
import { aFile, anAccessCode } from '../status/support/status-files';
import { decodeQrCode, parsePdf, renderPageToPng } from './support/pdf-inspection';

const CASEWORKER_RABAT = 'caseworker.rabat@masar.example';
const CASEWORKER_CASABLANCA = 'caseworker.casablanca@masar.example';

describe('the receipt printed at the counter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const print = async (email: string, applicationId: string, accessCode: string) =>
    t.app.inject({ method: 'POST', url: `/applications/${applicationId}/receipt`, headers: await t.as(email), payload: { accessCode } });
  const audited = (applicationId: string) =>
    t.dataSource.query(`select action from audit_events where application_id = $1 and action like 'letter.counter_receipt%' order by seq`, [applicationId]);

  it('prints the applicant’s copy with the access code, once the code typed matches the file', async () => {
    const file = await aFile(t, { language: 'fr' });
    // Typed as a person would: lower case, a space for the dash, o for 0.
    const res = await print(CASEWORKER_RABAT, file.applicationId, file.accessCode.toLowerCase().replace('-', ' ').replace(/0/g, 'o'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.rawPayload;
    const { text } = await parsePdf(pdf);
    expect(text).toContain(file.reference);
    expect(text).toContain(file.accessCode);
    // The code is on the paper, never in the QR code.
    expect(await decodeQrCode(await renderPageToPng(pdf))).toBe(`${t.config.http.publicBaseUrl.replace(/\/+$/, '')}/status?ref=${file.reference}`);
    expect(await audited(file.applicationId)).toEqual([{ action: 'letter.counter_receipt_printed' }]);
    // Not kept: only the job's copy, without the code, is stored with the file.
    expect(await t.dataSource.query(`select 1 from issued_letters where application_id = $1`, [file.applicationId])).toEqual([]);
  });

  it('refuses a mistyped code, and records the refusal', async () => {
    const file = await aFile(t);
    const res = await print(CASEWORKER_RABAT, file.applicationId, anAccessCode());
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LETTERS_ACCESS_CODE_MISMATCH');
    expect(await audited(file.applicationId)).toEqual([{ action: 'letter.counter_receipt_refused' }]);
  });

  it('does not show another office’s file, nor print for an applicant', async () => {
    const file = await aFile(t);
    expect((await print(CASEWORKER_CASABLANCA, file.applicationId, file.accessCode)).statusCode).toBe(404);
    expect((await print('applicant@masar.example', file.applicationId, file.accessCode)).statusCode).toBe(403);
  });
});
