import { EraseApplicantData, ExportApplicantData } from '@masar/cases';
import { createCasesTestApp, CW_CASA, CW_RABAT, expectStatus, REASON, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

describe("a person's record: read, correction, access and erasure", () => {
  let t: CasesTestApp;
  let personId: string;
  let fileId: string;
  beforeAll(async () => {
    t = await createCasesTestApp();
    const res = await t.post(CW_RABAT, '/applicants', {
      latinName: 'Oumar Keita',
      birthDate: { year: 1987, month: 2 },
      sex: 'male',
      nationality: 'ML',
      documents: [{ type: 'passport', number: 'ML-445566', issuingCountry: 'ML' }],
      phone: '+212622334455',
      email: 'oumar@example.org',
      address: 'Hay Nahda, Rabat',
    });
    expectStatus(res, 201);
    personId = res.json().applicantId;
    fileId = (await t.open({ kind: 'regularisation', applicantId: personId, category: 'work_contract', criteriaVersion: 'MA-2016', facts: { contractMonths: 10 } })).id;
    await t.documentsVerified(fileId);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, fileId, a), 200);
    expectStatus(await t.act(CW_RABAT, fileId, 'propose_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.act(SUP_RABAT, fileId, 'confirm_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.post(CW_RABAT, `/applications/${fileId}/notes`, { body: 'Works on a building site in Agdal since 2021.' }), 201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the decrypted record to staff holding a file, and 404 to another office', async () => {
    const res = await t.get(CW_RABAT, `/applicants/${personId}`);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      latinName: 'Oumar Keita',
      birthDate: { year: 1987, month: 2 },
      phone: '+212622334455',
      documents: [{ type: 'passport', number: 'ML445566', issuingCountry: 'ML' }],
      applicationIds: [fileId],
    });
    expectStatus(await t.get(CW_CASA, `/applicants/${personId}`), 404);
    const reads = await t.dataSource.query(`select count(*)::int as n from audit_events where action = 'case.applicant_read' and subject_id = $1`, [personId]);
    expect(reads[0].n).toBe(1);
  });

  it('corrects fields with a reason, keeping the name keys and the queue filter in step', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/applicants/${personId}`,
      headers: await t.as(CW_RABAT),
      payload: { latinName: 'Oumar Keïta', arabicName: 'عمر كيتا', nationality: 'SN', phone: '+212622334466', reason: 'Passport shows the diaeresis; nationality corrected from the passport.' },
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ latinName: 'Oumar Keïta', nationality: 'SN', phone: '+212622334466' });
    const [correction] = await t.dataSource.query(`select fields, reason from applicant_corrections where applicant_id = $1`, [personId]);
    expect(correction.fields.sort()).toEqual(['arabicName', 'latinName', 'nationality', 'phone']);
    const [event] = await t.dataSource.query(`select fields, to_jsonb(e)::text as row from audit_events e where action = 'case.applicant_corrected' and subject_id = $1`, [personId]);
    expect(event.fields).toEqual(['applicants.arabicName', 'applicants.latinName', 'applicants.nationality', 'applicants.phone']);
    expect(event.row).not.toContain('334466');
    const [file] = await t.dataSource.query(`select nationality from applications where id = $1`, [fileId]);
    expect(file.nationality).toBe('SN');
    const found = await t.post(CW_RABAT, '/applicants/duplicate-search', { arabicName: 'عمر كيتا', birthDate: { year: 1987 }, nationality: 'SN' });
    expect(found.json().map((c: { id: string }) => c.id)).toEqual([personId]);
  });

  it("exports everything held about the person for the right of access", async () => {
    const data = await t.app.get(ExportApplicantData).execute(personId);
    expect(data.person).toMatchObject({ latinName: 'Oumar Keïta', email: 'oumar@example.org' });
    expect(data.corrections).toHaveLength(1);
    expect(data.files).toHaveLength(1);
    const [file] = data.files;
    expect(file).toMatchObject({ kind: 'regularisation', state: 'rejected', stage: 'decision_being_prepared' });
    expect(file!.history.map((h) => h.action)).toContain('confirm_unfavourable');
    expect(file!.history.find((h) => h.action === 'confirm_unfavourable')).toMatchObject({ byRole: 'supervisor', reason: REASON });
    expect(file!.notes.map((n) => n.body)).toEqual(['Works on a building site in Agdal since 2021.']);
    expect(JSON.stringify(data)).not.toMatch(/access_code|accessCode|[0-9a-f]{64}/);
  });

  it('erases personal data and keeps what statistics count, once', async () => {
    const erase = t.app.get(EraseApplicantData);
    const first = await t.dataSource.transaction((m) => erase.execute(m, personId));
    expect(first).toEqual({ erased: true, files: 1 });
    const [person] = await t.dataSource.query(`select to_jsonb(p)::text as row from applicants p where id = $1`, [personId]);
    for (const gone of ['Keïta', 'كيتا', 'v1.']) expect(person.row).not.toContain(gone);
    const docs = await t.dataSource.query(`select count(*)::int as n from applicant_identity_documents where applicant_id = $1`, [personId]);
    expect(docs[0].n).toBe(0);
    const everything = await t.dataSource.query(
      `select (select string_agg(coalesce(reason, ''), '|') from case_history where application_id = $1) as reasons,
              (select string_agg(body, '|') from case_notes where application_id = $1) as notes,
              (select to_jsonb(a)::text from applications a where id = $1) as file`,
      [fileId],
    );
    expect(everything[0].reasons).not.toContain('Five years');
    expect(everything[0].notes).toBe('[erased]');
    expect(everything[0].file).not.toContain(REASON);
    const [kept] = await t.dataSource.query(`select kind, category, state, nationality, office_id is not null as office from applications where id = $1`, [fileId]);
    expect(kept).toEqual({ kind: 'regularisation', category: 'work_contract', state: 'rejected', nationality: 'SN', office: true });
    expect(await t.dataSource.transaction((m) => erase.execute(m, personId))).toEqual({ erased: false, files: 0 });
  });
});
