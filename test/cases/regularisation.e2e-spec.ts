import { createCasesTestApp, CW_COMMISSION, CW_RABAT, CW2_RABAT, expectStatus, REASON, SUP_COMMISSION, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

describe('a regularisation file over HTTP', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('goes from registration to card issued, four-eyed, with history, clocks, letters and messages', async () => {
    const reg = await t.post(CW_RABAT, '/applicants', {
      latinName: 'Aminata Diallo',
      birthDate: { year: 1988 },
      sex: 'female',
      nationality: 'SN',
      documents: [{ type: 'passport', number: 'A 0012345', issuingCountry: 'SN' }],
      phone: '+212612345678',
      preferredLanguage: 'fr',
    });
    expectStatus(reg, 201);
    const applicantId = reg.json().applicantId;

    const opened = await t.open({
      kind: 'regularisation',
      applicantId,
      category: 'residence_five_years',
      criteriaVersion: 'MA-2014',
      facts: { residenceSince: '2008-01-01', sex: 'female' },
    });
    expect(opened.reference).toMatch(/^MA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(opened.accessCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const id = opened.id;

    expectStatus(await t.act(CW_RABAT, id, 'submit'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'start_completeness_check'), 200);
    // Not complete yet: the documents context has verified nothing.
    const early = await t.act(CW_RABAT, id, 'accept_as_complete');
    expectStatus(early, 422);
    expect(early.json().code).toBe('CASES_GUARD_FAILED');
    expect(early.json().failedGuards[0].guard).toBe('documents_verified');

    await t.documentsVerified(id);
    expectStatus(await t.act(CW_RABAT, id, 'accept_as_complete'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'propose_favourable'), 200);
    // The caseworker cannot confirm their own proposal; another caseworker neither (role).
    expectStatus(await t.act(CW2_RABAT, id, 'confirm_favourable'), 403);
    const confirmed = await t.act(SUP_RABAT, id, 'confirm_favourable');
    expectStatus(confirmed, 200);
    expect(confirmed.json()).toMatchObject({ state: 'card_production', stage: 'card_in_production' });
    expectStatus(await t.act(CW_RABAT, id, 'mark_card_ready'), 200);
    const issued = await t.act(CW_RABAT, id, 'issue_card');
    expectStatus(issued, 200);
    expect(issued.json()).toMatchObject({ state: 'card_issued', stage: 'completed', version: 8 });

    const view = await t.get(SUP_RABAT, `/applications/${id}`);
    expectStatus(view, 200);
    const file = view.json();
    expect(file.history.map((h: { action: string }) => h.action)).toEqual([
      'open',
      'submit',
      'start_completeness_check',
      'accept_as_complete',
      'propose_favourable',
      'confirm_favourable',
      'mark_card_ready',
      'issue_card',
    ]);
    expect(file.firstDecision).toMatchObject({ outcome: 'favourable', deciders: [t.staff.users[CW_RABAT], t.staff.users[SUP_RABAT]] });
    expect(file.eligibility).toMatchObject({ category: 'residence_five_years', verdict: 'meets' });
    expect(file.final).toBe(true);
    expect(file.clocks).toEqual([]);
    expect(file.actions).toEqual([]);

    // The review clock ran from completeness to the decision and stopped there.
    const clocks = await t.dataSource.query(`select clock, stopped_at is not null as stopped from case_deadlines where application_id = $1`, [id]);
    expect(clocks).toEqual([{ clock: 'provincial_review', stopped: true }]);
    // The receipt and the decision letter were asked of the letters context through the outbox.
    const letters = await t.dataSource.query(`select job_name from outbox_messages where job_name like 'letters.%' and payload->>'applicationId' = $1 order by created_at`, [id]);
    expect(letters.map((l: { job_name: string }) => l.job_name)).toEqual(['letters.receipt', 'letters.decision']);
    // The applicant is told: received, complete, favourable, card ready, card issued; the hand-over needs no message.
    const events = await t.dataSource.query(`select type, notification_id is not null as messaged from case_events where application_id = $1 order by occurred_at`, [id]);
    expect(events).toEqual([
      { type: 'application_received', messaged: true },
      { type: 'documents_complete', messaged: true },
      { type: 'decision_favourable', messaged: true },
      { type: 'card_ready', messaged: true },
      { type: 'card_issued', messaged: false },
    ]);
    // Every step is in the audit trail, reads included.
    const audit = await t.dataSource.query(`select action, count(*)::int as n from audit_events where application_id = $1 group by action order by action`, [id]);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'case.opened', n: 1 },
        { action: 'case.read', n: 1 },
        { action: 'case.transition', n: 7 },
      ]),
    );
  });

  it('runs a refusal through appeal to the national commission and grants it there', async () => {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'work_contract', criteriaVersion: 'MA-2014', facts: { contractMonths: 12 } });
    await t.documentsVerified(id);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    const noReason = await t.act(CW_RABAT, id, 'propose_unfavourable');
    expectStatus(noReason, 422);
    expectStatus(await t.act(CW_RABAT, id, 'propose_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.act(SUP_RABAT, id, 'confirm_unfavourable', { reason: REASON }), 200);
    const notified = await t.act(CW_RABAT, id, 'notify_rejection');
    expectStatus(notified, 200);
    expect(notified.json().stage).toBe('refused_can_appeal');
    // The rejection message carries the reasons and the appeal deadline 30 days on.
    const [msg] = await t.dataSource.query(`select params from case_events where application_id = $1 and type = 'decision_unfavourable'`, [id]);
    expect(msg.params.reasons).toEqual([REASON]);
    expect(msg.params.appealDeadline).toBe(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));

    expectStatus(await t.act(CW_RABAT, id, 'lodge_appeal'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'forward_to_national_commission'), 200);
    // Rabat can no longer decide; the commission sees the file now, and it is in the commission's queue, not Rabat's.
    expectStatus(await t.act(SUP_RABAT, id, 'grant_on_appeal'), 403);
    expectStatus(await t.get(SUP_COMMISSION, `/applications/${id}`), 200);
    const atCommission = await t.get(CW_COMMISSION, '/work-queue?view=office');
    expect(atCommission.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const atRabat = await t.get(CW_RABAT, '/work-queue?view=office&limit=100');
    expect(atRabat.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    const granted = await t.act(SUP_COMMISSION, id, 'grant_on_appeal');
    expectStatus(granted, 200);
    expect(granted.json().state).toBe('card_production');
    // Decided: the card is Rabat's work again; the commission can still read the file it decided.
    expect((await t.get(CW_COMMISSION, '/work-queue?view=office')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await t.get(CW_RABAT, '/work-queue?view=office&limit=100')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expectStatus(await t.get(CW_COMMISSION, `/applications/${id}`), 200);
  });
});
