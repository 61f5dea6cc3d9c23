import { createCasesTestApp, CW_RABAT, expectStatus, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

describe('duplicate persons', () => {
  let t: CasesTestApp;
  let mohamed: string;
  beforeAll(async () => {
    t = await createCasesTestApp();
    const res = await t.post(CW_RABAT, '/applicants', {
      latinName: 'Mohamed Benali',
      birthDate: { year: 1990, month: 3, day: 2 },
      sex: 'male',
      nationality: 'SN',
      documents: [{ type: 'passport', number: 'SN-4481-223', issuingCountry: 'SN' }],
    });
    expectStatus(res, 201);
    mohamed = res.json().applicantId;
  });
  afterAll(async () => {
    await t?.close();
  });

  const search = (body: Record<string, unknown>) => t.post(CW_RABAT, '/applicants/duplicate-search', body);

  it.each([['Muhammad Ben Ali'], ['Mohammed Benali'], ['Mouhamed Ben-Ali']])('finds the person written %s in Latin script', async (latinName) => {
    const res = await search({ latinName, birthDate: { year: 1990 }, nationality: 'SN' });
    expectStatus(res, 200);
    expect(res.json()).toEqual([expect.objectContaining({ id: mohamed, matchedOn: expect.arrayContaining(['name_key']) })]);
  });

  it('finds the person written in Arabic script only', async () => {
    const res = await search({ arabicName: 'محمد بن علي', birthDate: { year: 1990 }, nationality: 'SN' });
    expect(res.json().map((c: { id: string }) => c.id)).toEqual([mohamed]);
  });

  it('finds a close misspelling by trigram or sound, not by an exact key', async () => {
    const res = await search({ latinName: 'Mohamed Benalli Sow', birthDate: { year: 1990 }, nationality: 'SN' });
    const [c] = res.json();
    expect(c.id).toBe(mohamed);
    expect(c.matchedOn).not.toContain('name_key');
    expect(c.matchedOn.some((m: string) => m === 'name_trigram' || m === 'name_phonetic')).toBe(true);
  });

  it('does not propose the same name with another year of birth or nationality', async () => {
    expect((await search({ latinName: 'Muhammad Ben Ali', birthDate: { year: 1991 }, nationality: 'SN' })).json()).toEqual([]);
    expect((await search({ latinName: 'Muhammad Ben Ali', birthDate: { year: 1990 }, nationality: 'ML' })).json()).toEqual([]);
    expect((await search({ latinName: 'Moussa Konaté', birthDate: { year: 1990 }, nationality: 'SN' })).json()).toEqual([]);
  });

  it('finds the same document number whatever the name and however it is written', async () => {
    const res = await search({ latinName: 'Someone Else', documents: [{ type: 'passport', number: 'sn 4481 223' }] });
    expect(res.json()).toEqual([expect.objectContaining({ id: mohamed, matchedOn: ['document_number'] })]);
  });

  it('shows the candidates before registering, and refuses a "new" person with the same document number', async () => {
    const body = { latinName: 'Muhammad Benali', birthDate: { year: 1990 }, sex: 'male', nationality: 'SN' };
    const first = await t.post(CW_RABAT, '/applicants', body);
    expectStatus(first, 200);
    expect(first.json()).toMatchObject({ outcome: 'candidates', candidates: [{ id: mohamed }] });
    const [count] = await t.dataSource.query(`select count(*)::int as n from applicants`);
    expect(count.n).toBe(1);
    const sameDocument = await t.post(CW_RABAT, '/applicants', { ...body, documents: [{ type: 'passport', number: 'SN4481223' }], confirmNew: true });
    expectStatus(sameDocument, 409);
    expect(sameDocument.json().code).toBe('CASES_DUPLICATE_CANDIDATES');
    const confirmed = await t.post(CW_RABAT, '/applicants', { ...body, confirmNew: true });
    expectStatus(confirmed, 201);
  });

  it('stores document numbers, dates of birth and contacts only encrypted, and finds them by blind index', async () => {
    const res = await t.post(CW_RABAT, '/applicants', {
      latinName: 'Fatou Ndiaye',
      birthDate: { year: 1995, month: 12, day: 24 },
      nationality: 'SN',
      documents: [{ type: 'passport', number: 'B7788990' }],
      phone: '+212698765432',
      email: 'fatou@example.org',
      confirmNew: true,
    });
    expectStatus(res, 201);
    const [row] = await t.dataSource.query(
      `select to_jsonb(p) as person, to_jsonb(d) as document from applicants p join applicant_identity_documents d on d.applicant_id = p.id where p.id = $1`,
      [res.json().applicantId],
    );
    const stored = JSON.stringify(row);
    for (const clear of ['B7788990', '1995-12-24', '"day":24', '698765432', 'fatou@example.org']) expect(stored).not.toContain(clear);
    expect(row.document.number_enc).toMatch(/^v1\.[A-Za-z0-9_-]+\./);
    expect(row.person.birth_year).toBe(1995);
  });

  it('merges two records of one person, moving the files, and undoes the merge exactly', async () => {
    const a = await t.person({ latinName: 'Ibrahima Sarr', birthDate: { year: 1985 } });
    const b = await t.person({ arabicName: 'إبراهيم سار', latinName: undefined, birthDate: { year: 1985 } });
    const fileOfB = await t.open({ kind: 'asylum', applicantId: b });
    // The person signed in under the record that is merged away: their account must follow their files.
    const account = t.staff.users['applicant@masar.example'];
    await t.dataSource.query(`update applicants set user_id = $2 where id = $1`, [b, account]);
    const accountOf = async (id: string) => (await t.dataSource.query(`select user_id from applicants where id = $1`, [id]))[0].user_id;
    expectStatus(await t.post(CW_RABAT, `/applicants/${a}/merges`, { mergedId: b, reason: 'Same passport photo and same parents on both records.' }), 403);
    const merged = await t.post(SUP_RABAT, `/applicants/${a}/merges`, { mergedId: b, reason: 'Same passport photo and same parents on both records.' });
    expectStatus(merged, 201);
    expect(merged.json().movedApplications).toBe(1);
    const [moved] = await t.dataSource.query(`select applicant_id from applications where id = $1`, [fileOfB.id]);
    expect(moved.applicant_id).toBe(a);
    expect([await accountOf(a), await accountOf(b)]).toEqual([account, null]);
    // A merged record no longer appears as a candidate.
    const found = (await search({ latinName: 'Ibrahima Sarr', birthDate: { year: 1985 }, nationality: 'SN' })).json();
    expect(found.map((c: { id: string }) => c.id)).toEqual([a]);

    const undone = await t.post(SUP_RABAT, `/applicant-merges/${merged.json().mergeId}/undo`, { reason: 'The two are brothers: the photos were confused.' });
    expectStatus(undone, 200);
    const [back] = await t.dataSource.query(`select applicant_id from applications where id = $1`, [fileOfB.id]);
    expect(back.applicant_id).toBe(b);
    const [restored] = await t.dataSource.query(`select merged_into_id from applicants where id = $1`, [b]);
    expect(restored.merged_into_id).toBeNull();
    expect([await accountOf(a), await accountOf(b)]).toEqual([null, account]);
    expectStatus(await t.post(SUP_RABAT, `/applicant-merges/${merged.json().mergeId}/undo`, { reason: 'Trying to undo the same merge twice.' }), 422);
  });
});
