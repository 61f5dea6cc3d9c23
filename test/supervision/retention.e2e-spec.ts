import { Readable } from 'node:stream';
import { createTestApp, type TestApp } from '@masar/testing';
import { DocumentStorage } from '@masar/documents';
import { RefreshReportSummaries, RetentionSweep } from '@masar/supervision';
import { days, FileBuilder } from './support/file-builder';

const CW = 'caseworker.rabat@masar.example';
const SUP = 'supervisor.rabat@masar.example';
const SUP_CASA = 'supervisor.casablanca@masar.example';
const HOLD_REASON = 'Litigation before the administrative court of Rabat, case 2026/114.';

describe('retention: erasing the personal data of files closed long ago', () => {
  let t: TestApp;
  let b: FileBuilder;
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: await t.as(who) });
  const now = new Date();
  const longAgo = days(-6 * 366, now); // past the 5 years of regularisation files
  const lastYear = days(-365, now);

  /** A person registered over HTTP (identifiers and contacts encrypted as in production), with closed or open files. */
  const person = async (latinName: string) => {
    const res = await call(CW, 'POST', '/applicants', {
      latinName, birthDate: { year: 1985, month: 3, day: 9 }, sex: 'female', nationality: 'SN', phone: '+212600000001', email: 'person@example.org',
      documents: [{ type: 'passport', number: `P${Math.floor(Math.random() * 1e8)}`, issuingCountry: 'SN' }], confirmNew: true,
    });
    expect(res.statusCode).toBe(201);
    return res.json().applicantId as string;
  };
  const closedFile = (applicantId: string, closedAt: Date, state = 'rejected_final', kind: 'regularisation' | 'asylum' = 'regularisation') =>
    b.file({
      applicantId, office: 'RAB', kind, state, final: true, submittedAt: days(-60, closedAt),
      history: [['open', 'draft', days(-61, closedAt)], ['submit', kind === 'asylum' ? 'registered' : 'submitted', days(-60, closedAt)], ['close', state, closedAt]],
      decision: { outcome: 'unfavourable', deciders: [t.staff.users[CW]!, t.staff.users[SUP]!], at: closedAt },
    });

  let erasedPerson: string, erasedFile: string, heldPerson: string, heldFile: string, recentPerson: string, mixedPerson: string, protectedPerson: string, undatedPerson: string;
  let blob: string;
  let sharedBlob: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = new FileBuilder(t.dataSource, t.staff.offices, t.staff.users[CW]!);
    erasedPerson = await person('Aminata Erasable');
    erasedFile = await closedFile(erasedPerson, longAgo);
    heldPerson = await person('Binta Held');
    heldFile = await closedFile(heldPerson, longAgo);
    recentPerson = await person('Coumba Recent');
    await closedFile(recentPerson, lastYear);
    mixedPerson = await person('Dieynaba Mixed');
    await closedFile(mixedPerson, longAgo);
    await b.file({ applicantId: mixedPerson, office: 'RAB', state: 'provincial_review', submittedAt: days(-10, now) });
    // A closed file with no history to date its closure: its person is kept, whatever their other files.
    undatedPerson = await person('Ndeye Undated');
    await closedFile(undatedPerson, longAgo);
    await b.file({ applicantId: undatedPerson, office: 'RAB', state: 'closed', final: true });
    protectedPerson = await person('Fatou Protected');
    await closedFile(protectedPerson, days(-11 * 366, now), 'protected', 'asylum');

    // What the erased file holds elsewhere: a document with its bytes, a message sent, a note, written reasons.
    const storage = t.app.get(DocumentStorage, { strict: false });
    blob = (await storage.put(Readable.from([Buffer.from(`%PDF-1.4 proof of residence ${Math.random()}`)]), { maxBytes: 1e6 })).sha256;
    sharedBlob = (await storage.put(Readable.from([Buffer.from(`%PDF-1.4 same bytes in a kept file ${Math.random()}`)]), { maxBytes: 1e6 })).sha256;
    for (const [applicationId, personId, sha] of [[erasedFile, erasedPerson, blob], [erasedFile, erasedPerson, sharedBlob], [heldFile, heldPerson, sharedBlob]] as const) {
      await t.dataSource.query(
        `insert into documents (application_id, person_id, kind, content_type, sha256, size_bytes, status, uploaded_by, uploaded_by_role, issued_on)
         values ($1, $2, 'proof_of_residence', 'application/pdf', $3, 40, 'verified', $4, 'caseworker', '2019-01-01')`,
        [applicationId, personId, sha, t.staff.users[CW]],
      );
    }
    await t.dataSource.query(
      `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params) values (gen_random_uuid(), 'decision_unfavourable', 'k1', $1, $2, '{"reference": "MA-TEST-0001", "reasons": ["Aminata has no proof"]}')`,
      [erasedFile, erasedPerson],
    );
    await t.dataSource.query(`insert into case_notes (application_id, author_id, body) values ($1, $2, 'Aminata called about her file')`, [erasedFile, t.staff.users[CW]]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const figures = async () => {
    await t.app.get(RefreshReportSummaries).execute();
    const files = (await call(SUP, 'GET', '/reports/files?rows=state&columns=nationality')).json();
    const rates = (await call(SUP, 'GET', '/reports/grant-rates?by=office')).json();
    return { files: { rows: files.rows, grandTotal: files.grandTotal }, rates: rates.rows };
  };

  it('lets a supervisor of the office set a legal hold, with a reason, audited', async () => {
    expect((await call(CW, 'POST', `/applications/${heldFile}/legal-hold`, { reason: HOLD_REASON })).statusCode).toBe(403);
    expect((await call(SUP_CASA, 'POST', `/applications/${heldFile}/legal-hold`, { reason: HOLD_REASON })).statusCode).toBe(404);
    expect((await call(SUP, 'POST', `/applications/${heldFile}/legal-hold`, { reason: 'because' })).statusCode).toBe(400);
    const set = await call(SUP, 'POST', `/applications/${heldFile}/legal-hold`, { reason: HOLD_REASON });
    expect(set.statusCode).toBe(201);
    expect(set.json()).toMatchObject({ applicationId: heldFile, reason: HOLD_REASON, setBy: t.staff.users[SUP], setByName: 'Karim Supervisor (Rabat)' });
    expect((await call(SUP, 'POST', `/applications/${heldFile}/legal-hold`, { reason: HOLD_REASON })).statusCode).toBe(409);
    expect((await call(SUP, 'GET', `/applications/${heldFile}/legal-hold`)).json().hold).toMatchObject({ reason: HOLD_REASON, setByName: 'Karim Supervisor (Rabat)' });
    const [event] = await t.dataSource.query(`select actor_id, fields, details from audit_events where action = 'retention.legal_hold_set'`);
    expect(event).toMatchObject({ actor_id: t.staff.users[SUP], fields: ['legalHold'] });
    expect(JSON.stringify(event)).not.toContain('court');
  });

  it('erases the person whose files are all past retention, keeps the held, recent, open and protected ones, and the counts', async () => {
    const before = await figures();
    expect(before.files.grandTotal).toBe(8);

    const report = await t.app.get(RetentionSweep).execute();
    expect(report).toEqual({ personsErased: 1, filesErased: 1, blobsDeleted: 1 });

    const people = await t.dataSource.query(`select id, latin_name, phone_enc, email_enc, birth_date_enc, erased_at is not null as erased from applicants where id = any($1)`, [
      [erasedPerson, heldPerson, recentPerson, mixedPerson, protectedPerson, undatedPerson],
    ]);
    const byId = Object.fromEntries(people.map((p: { id: string }) => [p.id, p]));
    expect(byId[erasedPerson]).toMatchObject({ erased: true, phone_enc: null, email_enc: null, birth_date_enc: null });
    expect(byId[erasedPerson].latin_name).not.toContain('Aminata');
    for (const kept of [heldPerson, recentPerson, mixedPerson, protectedPerson, undatedPerson]) expect(byId[kept]).toMatchObject({ erased: false, phone_enc: expect.stringMatching(/^v1\./) });
    expect((await t.dataSource.query(`select count(*)::int as n from applicant_identity_documents where applicant_id = $1`, [erasedPerson]))[0].n).toBe(0);

    // What the file said about her is gone; the file itself stays, anonymous.
    const [file] = await t.dataSource.query(`select state, office_id, nationality, first_decision from applications where id = $1`, [erasedFile]);
    expect(file).toMatchObject({ state: 'rejected_final', nationality: 'SN', first_decision: { outcome: 'unfavourable' } });
    expect(file.first_decision.reason).toBeUndefined();
    const texts = JSON.stringify([
      await t.dataSource.query(`select reason, data from case_history where application_id = $1`, [erasedFile]),
      await t.dataSource.query(`select body from case_notes where application_id = $1`, [erasedFile]),
      await t.dataSource.query(`select params from notifications where application_id = $1`, [erasedFile]),
    ]);
    expect(texts).not.toMatch(/Aminata|Reasons written/);
    // Her document's bytes are deleted; bytes shared with a kept file stay; the rows keep no date read off them.
    const storage = t.app.get(DocumentStorage, { strict: false });
    expect(await storage.exists(blob)).toBe(false);
    expect(await storage.exists(sharedBlob)).toBe(true);
    expect(await t.dataSource.query(`select issued_on from documents where application_id = $1`, [erasedFile])).toEqual([{ issued_on: null }, { issued_on: null }]);

    // The statistics count the same files and decisions.
    expect(await figures()).toEqual(before);

    // The trail says what was erased, by ids and field names, and still verifies end to end.
    const [erased] = await t.dataSource.query(`select subject_id, actor_id, fields, details from audit_events where action = 'retention.erased'`);
    expect(erased).toMatchObject({ subject_id: erasedFile, actor_id: null, details: { applicantId: erasedPerson, documents: 2 } });
    expect(erased.fields).toContain('applicant');
    expect((await t.dataSource.query(`select count(*)::int as n from audit_events e where row_to_json(e)::text ~ 'Aminata'`))[0].n).toBe(0);
    const verified = await call(SUP, 'GET', '/audit/verify');
    expect(verified.json()).toMatchObject({ ok: true, firstBreak: null });
  });

  it('changes nothing when it runs again, and erases a held person once the hold is released', async () => {
    expect(await t.app.get(RetentionSweep).execute()).toEqual({ personsErased: 0, filesErased: 0, blobsDeleted: 0 });
    expect((await call(SUP, 'POST', `/applications/${erasedFile}/legal-hold`, { reason: HOLD_REASON })).statusCode).toBe(409);

    const released = await call(SUP, 'POST', `/applications/${heldFile}/legal-hold/release`, { reason: 'Judgment delivered; no appeal lodged within the time.' });
    expect(released.statusCode).toBe(200);
    expect(await t.app.get(RetentionSweep).execute()).toEqual({ personsErased: 1, filesErased: 1, blobsDeleted: 1 });
    expect(await t.app.get(DocumentStorage, { strict: false }).exists(sharedBlob)).toBe(false);
    expect((await t.dataSource.query(`select count(*)::int as n from retention_erasures`))[0].n).toBe(2);
    expect((await call(SUP, 'GET', '/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
