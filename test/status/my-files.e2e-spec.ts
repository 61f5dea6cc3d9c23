import { createTestApp, type TestApp } from '@masar/testing';
import { aFile, anAccessCode, anAddress } from './support/status-files';

describe('an applicant account and its files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let counter = 0;
  /** A new applicant account, signed in (POST /auth/register answers with a token pair). */
  const anApplicant = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/register',
      payload: { email: `applicant${Date.now()}${counter++}@example.org`, password: 'three words long enough', displayName: 'A.' },
      remoteAddress: anAddress(),
    });
    expect(res.statusCode).toBe(201);
    return { authorization: `Bearer ${res.json().accessToken}` };
  };
  const link = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/me/files', headers, payload, remoteAddress: anAddress() });
  const myFiles = (headers: Record<string, string>, query = '') => t.app.inject({ method: 'GET', url: `/me/files${query}`, headers });

  it('links a file with its reference and access code, then lists it with where it stands', async () => {
    const me = await anApplicant();
    expect((await myFiles(me)).json()).toEqual({ files: [] });
    const file = await aFile(t, { language: 'es', state: 'provincial_review' });

    const linked = await link(me, { reference: file.reference, accessCode: file.accessCode });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ applicationId: file.applicationId, reference: file.reference, language: 'es', stage: { code: 'under_review' } });

    const listed = (await myFiles(me, '?language=ar')).json();
    // The owner, signed in, gets the file's id for its checklist and uploads.
    expect(listed.files).toEqual([expect.objectContaining({ applicationId: file.applicationId, reference: file.reference, language: 'ar', direction: 'rtl' })]);
    const audited = await t.dataSource.query(`select actor_id from audit_events where action = 'applicant.file_linked' and application_id = $1`, [file.applicationId]);
    expect(audited).toHaveLength(1);
  });

  it('answers a wrong code exactly as the status page does, and links nothing', async () => {
    const me = await anApplicant();
    const file = await aFile(t);
    const res = await link(me, { reference: file.reference, accessCode: anAccessCode() });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('STATUS_NO_MATCH');
    expect((await myFiles(me)).json().files).toEqual([]);
  });

  it('refuses a file whose person is already linked to another account, and keeps the first link', async () => {
    const [first, second] = [await anApplicant(), await anApplicant()];
    const file = await aFile(t);
    expect((await link(first, { reference: file.reference, accessCode: file.accessCode })).statusCode).toBe(200);
    const again = await link(second, { reference: file.reference, accessCode: file.accessCode, language: 'en' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STATUS_FILE_LINKED_ELSEWHERE', title: 'File already linked' });
    expect((await myFiles(second)).json().files).toEqual([]);
    expect((await myFiles(first)).json().files).toHaveLength(1);
    // Linking the same file again to the same account changes nothing and is not an error.
    expect((await link(first, { reference: file.reference, accessCode: file.accessCode })).statusCode).toBe(200);
  });

  it('is for applicants only, and signed in', async () => {
    expect((await myFiles({})).statusCode).toBe(401);
    const caseworker = await t.as('caseworker.rabat@masar.example');
    expect((await myFiles(caseworker)).statusCode).toBe(403);
  });
});
