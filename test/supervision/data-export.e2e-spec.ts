import { createTestApp, type TestApp } from '@masar/testing';

const CW = 'caseworker.rabat@masar.example';
const APPLICANT = 'applicant@masar.example';

describe('right of access: an applicant downloads everything held about them', () => {
  let t: TestApp;
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: await t.as(who) });
  let mine: { personId: string; fileId: string; reference: string };
  let other: { personId: string; fileId: string; reference: string };

  const register = async (latinName: string, phone: string, passport: string) => {
    const p = await call(CW, 'POST', '/applicants', {
      latinName, birthDate: { year: 1991, month: 7, day: 2 }, sex: 'female', nationality: 'CM', phone, email: `${passport.toLowerCase()}@example.org`,
      documents: [{ type: 'passport', number: passport, issuingCountry: 'CM' }], confirmNew: true,
    });
    expect(p.statusCode).toBe(201);
    const personId = p.json().applicantId;
    const f = await call(CW, 'POST', '/applications', { kind: 'regularisation', applicantId: personId, category: 'residence_five_years', criteriaVersion: 'MA-2014', facts: { residenceSince: '2009-05-01', sex: 'female' } });
    expect(f.statusCode).toBe(201);
    return { personId, fileId: f.json().id, reference: f.json().reference };
  };

  beforeAll(async () => {
    t = await createTestApp();
    mine = await register('Grace Mbarga', '+212611112222', 'CM7777001');
    other = await register('Zeta Otherperson', '+212699998888', 'CM9999002');
    // The file linked to the demo applicant's account (what the status context's linking does with the reference and code).
    await t.dataSource.query(`update applicants set user_id = $2 where id = $1`, [mine.personId, t.staff.users[APPLICANT]]);
    expect((await call(CW, 'POST', `/applications/${mine.fileId}/transitions`, { action: 'submit', expectedVersion: 1 })).statusCode).toBe(200);
    await t.dataSource.query(
      `insert into documents (application_id, person_id, kind, content_type, sha256, size_bytes, status, uploaded_by, uploaded_by_role)
       values ($1, $2, 'photo', 'image/jpeg', repeat('a', 64), 2048, 'verified', $3, 'caseworker'), ($4, $5, 'photo', 'image/jpeg', repeat('b', 64), 4096, 'verified', $3, 'caseworker')`,
      [mine.fileId, mine.personId, t.staff.users[CW], other.fileId, other.personId],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('holds their account, their record decrypted, their files with history and documents, and nothing of anyone else', async () => {
    const res = await call(APPLICANT, 'GET', '/me/data-export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="masar-my-data.json"');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data.account).toMatchObject({ id: t.staff.users[APPLICANT], email: APPLICANT, role: 'applicant' });
    expect(data.persons).toHaveLength(1);
    const [p] = data.persons;
    expect(p.person).toMatchObject({ id: mine.personId, latinName: 'Grace Mbarga', phone: '+212611112222', birthDate: { year: 1991, month: 7, day: 2 } });
    expect(p.person.documents).toEqual([expect.objectContaining({ type: 'passport', number: 'CM7777001' })]);
    expect(p.files).toHaveLength(1);
    const [file] = p.files;
    expect(file).toMatchObject({ reference: mine.reference, state: 'submitted', office: 'Préfecture de Rabat', personalDataErasedAt: null });
    expect(file.history.map((h: { action: string }) => h.action)).toEqual(['open', 'submit']);
    expect(file.history[0].byRole).toBe('caseworker');
    expect(file.documents).toEqual([expect.objectContaining({ kind: 'photo', sizeBytes: 2048, status: 'verified' })]);
    expect(file.events.map((e: { type: string }) => e.type)).toContain('application_received');
    expect(file.notifications.map((n: { event: string }) => n.event)).toEqual(['application.submitted']);

    // Nothing of the other person: not their name, identifiers, file or documents; and no staff identity.
    const text = res.body;
    for (const foreign of ['Zeta', 'Otherperson', 'CM9999002', '+212699998888', other.personId, other.fileId, other.reference, t.staff.users[CW]!]) expect(text).not.toContain(foreign);
    expect(text).not.toContain('"sizeBytes":4096');
  });

  it('is audited as an export, and only applicants have one', async () => {
    const events = await t.dataSource.query(`select actor_id, subject_type, subject_id, details from audit_events where action = 'personal_data.export'`);
    expect(events).toEqual([{ actor_id: t.staff.users[APPLICANT], subject_type: 'user', subject_id: t.staff.users[APPLICANT], details: { persons: 1, files: 1 } }]);
    expect((await call(CW, 'GET', '/me/data-export')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/me/data-export' })).statusCode).toBe(401);
  });
});
