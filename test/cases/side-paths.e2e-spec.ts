import { createCasesTestApp, CW_COMMISSION, CW_RABAT, expectStatus, REASON, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

describe('side paths of a file over HTTP', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function submitted(): Promise<{ id: string; applicantId: string }> {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'residence_five_years', criteriaVersion: 'MA-2016' });
    expectStatus(await t.act(CW_RABAT, id, 'submit'), 200);
    return { id, applicantId };
  }

  it('refers a regularisation file to asylum with consent, opening a linked asylum file with its own access code', async () => {
    const { id, applicantId } = await submitted();
    const noConsent = await t.act(CW_RABAT, id, 'refer_to_asylum', { reason: 'Fled armed conflict; says he fears return.' });
    expectStatus(noConsent, 422);
    expect(noConsent.json().failedGuards.map((g: { guard: string }) => g.guard)).toEqual(['consent_recorded']);
    const referred = await t.act(CW_RABAT, id, 'refer_to_asylum', { reason: 'Fled armed conflict; says he fears return.', data: { consent: true } });
    expectStatus(referred, 200);
    const { opened } = referred.json();
    expect(opened).toMatchObject({ reference: expect.stringMatching(/^MA-/), accessCode: expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/), state: 'draft' });
    const [asylum] = await t.dataSource.query(`select kind, applicant_id, linked_application_id, access_code_hash from applications where id = $1`, [opened.id]);
    expect(asylum).toMatchObject({ kind: 'asylum', applicant_id: applicantId, linked_application_id: id });
    expect(asylum.access_code_hash).not.toContain(opened.accessCode.replace('-', ''));
    const view = await t.get(CW_RABAT, `/applications/${id}`);
    expect(view.json()).toMatchObject({ state: 'referred_to_asylum', final: true, actions: [] });
    const after = await t.act(CW_RABAT, id, 'submit');
    expectStatus(after, 422);
    expect(after.json().allowedActions).toEqual([]);
  });

  it('withdraws only with written reasons and then offers nothing more', async () => {
    const { id } = await submitted();
    expectStatus(await t.act(CW_RABAT, id, 'withdraw'), 422);
    const done = await t.act(CW_RABAT, id, 'withdraw', { reason: 'Letter of the applicant dated 3 March asking to withdraw.' });
    expectStatus(done, 200);
    expect(done.json()).toMatchObject({ state: 'withdrawn', stage: 'withdrawn' });
  });

  it('puts a file on hold for a security check and only a supervisor releases it', async () => {
    const { id } = await submitted();
    await t.documentsVerified(id);
    expectStatus(await t.act(CW_RABAT, id, 'start_completeness_check'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'accept_as_complete'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'hold_for_security_check', { reason: 'Name matches an entry to be checked with the DGSN.' }), 200);
    expectStatus(await t.act(CW_RABAT, id, 'clear_security_check'), 403);
    expectStatus(await t.act(SUP_RABAT, id, 'clear_security_check'), 200);
    // The two-month clock kept running through the hold: one clock, still running.
    const clocks = await t.dataSource.query(`select clock from case_deadlines where application_id = $1 and stopped_at is null`, [id]);
    expect(clocks).toEqual([{ clock: 'provincial_review' }]);
  });

  it('keeps a file from the commission until it is appealed to it', async () => {
    const { id } = await submitted();
    expectStatus(await t.get(CW_COMMISSION, `/applications/${id}`), 404);
  });

  it('records notes for staff without putting their text in the audit trail', async () => {
    const { id } = await submitted();
    const secret = 'Applicant mentions a brother in Tangier who may host him.';
    expectStatus(await t.post(CW_RABAT, `/applications/${id}/notes`, { body: secret }), 201);
    const view = await t.get(SUP_RABAT, `/applications/${id}`);
    expect(view.json().notes).toEqual([expect.objectContaining({ body: secret, authorId: t.staff.users[CW_RABAT] })]);
    const audit = await t.dataSource.query(`select to_jsonb(e)::text as row from audit_events e where application_id = $1`, [id]);
    expect(audit.some((r: { row: string }) => r.row.includes('case.note_added'))).toBe(true);
    expect(audit.some((r: { row: string }) => r.row.includes('Tangier'))).toBe(false);
  });

  it('answers malformed requests with problem+json naming the fields', async () => {
    const { id } = await submitted();
    const res = await t.post(CW_RABAT, `/applications/${id}/transitions`, { action: 'Start!' });
    expectStatus(res, 400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'expectedVersion']);
    const rfi = await t.act(CW_RABAT, id, 'request_documents', { data: { requested: [] } });
    expectStatus(rfi, 422);
    const regular = await t.post(CW_RABAT, '/applications', { kind: 'regularisation', applicantId: (await submitted()).applicantId });
    expectStatus(regular, 422);
    expect(regular.json().code).toBe('CASES_CATEGORY_REQUIRED');
    const unknown = await t.post(CW_RABAT, '/applications', { kind: 'regularisation', applicantId: (await submitted()).applicantId, category: 'woman', criteriaVersion: 'MA-2014' });
    expect(unknown.json().code).toBe('CASES_UNKNOWN_CATEGORY');
  });

  it('needs the supervisor’s own reasons to confirm a refusal, and clears an overturned proposal', async () => {
    const { id } = await submitted();
    await t.documentsVerified(id);
    for (const a of ['start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    expectStatus(await t.act(CW_RABAT, id, 'propose_unfavourable', { reason: REASON }), 200);
    const bare = await t.act(SUP_RABAT, id, 'confirm_unfavourable');
    expectStatus(bare, 422);
    expect(bare.json().failedGuards.map((g: { guard: string }) => g.guard)).toEqual(['reasons_written']);
    const overturned = await t.act(SUP_RABAT, id, 'overturn_proposal', { reason: 'The rent receipts since 2011 do show five years.' });
    expectStatus(overturned, 200);
    expect(overturned.json().state).toBe('provincial_review');
    const [row] = await t.dataSource.query(`select proposal from applications where id = $1`, [id]);
    expect(row.proposal).toBeNull();
  });

  it('records eligibility facts as they come in and answers with the advisory assessment, auditing which facts changed', async () => {
    const { id } = await submitted();
    const put = async (body: unknown) => t.app.inject({ method: 'PUT', url: `/applications/${id}/eligibility-facts`, payload: body as never, headers: await t.as(CW_RABAT) });
    // Counted on the day of submission (today): two years of residence are not five.
    const short = await put({ residenceSince: `${new Date().getUTCFullYear() - 2}-01-01` });
    expectStatus(short, 200);
    expect(short.json().assessment).toMatchObject({ category: 'residence_five_years', criteriaVersion: 'MA-2016', verdict: 'does_not_meet' });
    const long = await put({ residenceSince: '2009-01-01', seriousIllness: true, entryDate: '2009-01-01' });
    expect(long.json().assessment.verdict).toBe('meets');
    expect(long.json().otherCategories.map((c: { category: string }) => c.category)).toEqual(['serious_illness']);
    const [event] = await t.dataSource.query(
      `select fields, to_jsonb(e)::text as row from audit_events e where application_id = $1 and action = 'case.eligibility_facts_recorded' order by seq desc limit 1`,
      [id],
    );
    expect(event.fields).toEqual(['eligibility_facts.entryDate', 'eligibility_facts.residenceSince', 'eligibility_facts.seriousIllness']);
    expect(event.row).not.toContain('2009-01-01');
  });

  it('lets an applicant request the renewal of their own card, and hides other files from them', async () => {
    const mine = await t.person();
    const theirs = await t.person();
    await t.dataSource.query(`update applicants set user_id = (select id from users where email = 'applicant@masar.example') where id = $1`, [mine]);
    const expiresOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const own = await t.open({ kind: 'renewal', applicantId: mine, cardExpiresOn: expiresOn });
    const other = await t.open({ kind: 'renewal', applicantId: theirs, cardExpiresOn: expiresOn });
    expectStatus(await t.act('applicant@masar.example', other.id, 'request_renewal'), 404);
    expectStatus(await t.act('applicant@masar.example', own.id, 'start_documents_check'), 422);
    const requested = await t.act('applicant@masar.example', own.id, 'request_renewal');
    expectStatus(requested, 200);
    expect(requested.json().state).toBe('requested');
  });
});
