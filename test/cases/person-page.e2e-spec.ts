import { createCasesTestApp, CW_CASA, CW_RABAT, expectStatus, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

const MERGE_REASON = 'Same passport number seen on both records at the counter.';

/** The reads beside a person's record on the person page: their files, the corrections and the merges. */
describe('the person page: files, corrections and merges of a record', () => {
  let t: CasesTestApp;
  let awa: string;
  let awaTwice: string;
  let fileId: string;
  let secondFile: string;
  beforeAll(async () => {
    t = await createCasesTestApp();
    awa = await t.person({ latinName: 'Awa Ndiaye', sex: 'female', birthDate: { year: 1993 } });
    awaTwice = await t.person({ latinName: 'Awa Ndiay', sex: 'female', birthDate: { year: 1993 } });
    fileId = (await t.open({ kind: 'regularisation', applicantId: awa, category: 'work_contract' })).id;
    secondFile = (await t.open({ kind: 'asylum', applicantId: awaTwice })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the person's files for staff of the office, and 404 for another office", async () => {
    const res = await t.get(CW_RABAT, `/applicants/${awa}/applications`);
    expectStatus(res, 200);
    expect(res.json()).toEqual([expect.objectContaining({ id: fileId, kind: 'regularisation', category: 'work_contract', state: 'draft', mayOpen: true })]);
    expectStatus(await t.get(CW_CASA, `/applicants/${awa}/applications`), 404);
    expectStatus(await t.get(CW_CASA, `/applicants/${awa}/corrections`), 404);
    expectStatus(await t.get(CW_CASA, `/applicants/${awa}/merges`), 404);
  });

  it('lists corrections newest first, with the fields and the reason but not the old values', async () => {
    for (const [latinName, reason] of [
      ['Awa Ndiaye Sow', 'Second family name written on the passport.'],
      ['Awa Ndiaye', 'The second name was the mother’s: removed, as in the passport.'],
    ]) {
      const res = await t.app.inject({ method: 'PATCH', url: `/applicants/${awa}`, headers: await t.as(CW_RABAT), payload: { latinName, reason } });
      expectStatus(res, 200);
    }
    const res = await t.get(CW_RABAT, `/applicants/${awa}/corrections`);
    expectStatus(res, 200);
    const list = res.json();
    expect(list.map((c: { reason: string }) => c.reason)).toEqual(['The second name was the mother’s: removed, as in the passport.', 'Second family name written on the passport.']);
    expect(list[0]).toMatchObject({ fields: ['latinName'], correctedBy: t.staff.users[CW_RABAT] });
    expect(res.body).not.toContain('Ndiaye Sow');
  });

  it('lists a merge on both records, and shows it undone after the undo', async () => {
    const merged = await t.post(SUP_RABAT, `/applicants/${awa}/merges`, { mergedId: awaTwice, reason: MERGE_REASON });
    expectStatus(merged, 201);
    const { mergeId } = merged.json();
    const files = await t.get(SUP_RABAT, `/applicants/${awa}/applications`);
    expect(files.json().map((f: { id: string }) => f.id).sort()).toEqual([fileId, secondFile].sort());

    const list = await t.get(SUP_RABAT, `/applicants/${awa}/merges`);
    expectStatus(list, 200);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: mergeId, survivorId: awa, mergedId: awaTwice, mergedLatinName: 'Awa Ndiay', reason: MERGE_REASON, movedApplications: 1, movedDocuments: 0, undoneAt: null }),
    ]);

    expectStatus(await t.post(SUP_RABAT, `/applicant-merges/${mergeId}/undo`, { reason: 'Two different women: the birth dates differ.' }), 200);
    const after = (await t.get(SUP_RABAT, `/applicants/${awa}/merges`)).json();
    expect(after[0]).toMatchObject({ id: mergeId, undoReason: 'Two different women: the birth dates differ.', undoneBy: t.staff.users[SUP_RABAT] });
    expect(after[0].undoneAt).toEqual(expect.any(String));
    expect((await t.get(SUP_RABAT, `/applicants/${awa}/applications`)).json().map((f: { id: string }) => f.id)).toEqual([fileId]);
    // The separated record lists the same merge, seen from its side.
    expect((await t.get(SUP_RABAT, `/applicants/${awaTwice}/merges`)).json().map((m: { id: string }) => m.id)).toEqual([mergeId]);
  });
});
