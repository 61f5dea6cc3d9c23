import { createCasesTestApp, CW_COMMISSION, CW_RABAT, expectStatus, REASON, SUP_COMMISSION, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

describe('an asylum file over HTTP', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('goes through interview, rejection with reasons, appeal heard by a different officer, and recognition', async () => {
    const applicantId = await t.person({ latinName: 'Jean-Baptiste Mukendi', nationality: 'CD' });
    const { id } = await t.open({ kind: 'asylum', applicantId, modality: 'accelerated' });
    expectStatus(await t.act(CW_RABAT, id, 'register'), 200);
    // The accelerated modality gives the decision clock 30 days.
    const [clock] = await t.dataSource.query(`select due_at - started_at as span from case_deadlines where application_id = $1 and clock = 'asylum_decision'`, [id]);
    expect(clock.span).toMatchObject({ days: 30 });

    const at = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const scheduled = await t.act(CW_RABAT, id, 'schedule_interview', { data: { interview: { at, place: 'Rabat, bureau des réfugiés, salle 2', interpreterLanguage: 'ln' } } });
    expectStatus(scheduled, 200);
    const [invite] = await t.dataSource.query(`select params from case_events where application_id = $1 and type = 'interview_scheduled'`, [id]);
    expect(invite.params.interview).toEqual({ at, place: 'Rabat, bureau des réfugiés, salle 2', interpreterLanguage: 'ln' });

    // No decision on paper: the interview has not been held.
    const paper = await t.act(CW_RABAT, id, 'draft_assessment');
    expectStatus(paper, 422);
    expect(paper.json().allowedActions).toEqual(expect.arrayContaining(['record_interview', 'reschedule_interview']));

    expectStatus(await t.act(CW_RABAT, id, 'record_interview'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'draft_assessment'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'propose_rejection', { reason: REASON }), 200);
    const confirm = await t.act(SUP_RABAT, id, 'confirm_rejection', { reason: 'The account of persecution is not consistent across the interview.' });
    expectStatus(confirm, 200);
    expectStatus(await t.act(CW_RABAT, id, 'notify_rejection'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'lodge_appeal'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'forward_appeal'), 200);

    // The supervisor who confirmed the rejection, had they moved to the commission, could not decide the appeal:
    // here the commission's own officer decides, and the file records two different deciders.
    const view = await t.get(CW_COMMISSION, `/applications/${id}`);
    expectStatus(view, 200);
    expect(view.json().actions.map((a: { action: string }) => a.action)).toEqual(['grant_on_appeal', 'reject_on_appeal']);
    const granted = await t.act(CW_COMMISSION, id, 'grant_on_appeal');
    expectStatus(granted, 200);
    expect(granted.json().state).toBe('recognised');
    expectStatus(await t.act(CW_RABAT, id, 'notify_recognition'), 200);
    const cards = await t.act(CW_RABAT, id, 'issue_refugee_cards');
    expectStatus(cards, 200);
    expect(cards.json()).toMatchObject({ state: 'protected', stage: 'completed' });

    const history = await t.dataSource.query(`select action, actor_id from case_history where application_id = $1 order by version`, [id]);
    const grant = history.find((h: { action: string }) => h.action === 'grant_on_appeal');
    const firstDeciders = [t.staff.users[CW_RABAT], t.staff.users[SUP_RABAT]];
    expect(firstDeciders).not.toContain(grant.actor_id);
    const messages = await t.dataSource.query(`select n.event, n.params->>'outcome' as outcome from notifications n where n.application_id = $1 order by n.requested_at`, [id]);
    expect(messages).toEqual([
      { event: 'application.submitted', outcome: null },
      { event: 'interview.scheduled', outcome: null },
      { event: 'decision.notified', outcome: 'unfavourable' },
      { event: 'file.updated', outcome: null },
      { event: 'decision.notified', outcome: 'favourable' },
      { event: 'decision.notified', outcome: 'favourable' },
    ]);
  });

  it('refuses an appeal decision by someone who took part in the first decision', async () => {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'asylum', applicantId });
    await t.act(CW_RABAT, id, 'register');
    await t.act(CW_RABAT, id, 'schedule_interview', { data: { interview: { at: new Date(Date.now() + 86_400_000).toISOString(), place: 'Rabat, salle 1' } } });
    await t.act(CW_RABAT, id, 'record_interview');
    await t.act(CW_RABAT, id, 'draft_assessment');
    await t.act(CW_RABAT, id, 'propose_rejection', { reason: REASON });
    expectStatus(await t.act(SUP_RABAT, id, 'confirm_rejection', { reason: REASON }), 200);
    // The commission's president took part in this first decision (say, seconded to Rabat at the time): the file's
    // decision record names them among the deciders.
    await t.dataSource.query(
      `update applications set first_decision = jsonb_set(first_decision, '{deciders}', first_decision->'deciders' || to_jsonb($2::text)) where id = $1`,
      [id, t.staff.users[SUP_COMMISSION]],
    );
    await t.act(CW_RABAT, id, 'notify_rejection');
    await t.act(CW_RABAT, id, 'lodge_appeal');
    await t.act(CW_RABAT, id, 'forward_appeal');
    // ...so they may not hear the appeal; their colleague may.
    const refused = await t.act(SUP_COMMISSION, id, 'reject_on_appeal', { reason: REASON });
    expectStatus(refused, 422);
    expect(refused.json().failedGuards[0].guard).toBe('different_officer_than_first_decision');
    expectStatus(await t.act(CW_COMMISSION, id, 'reject_on_appeal', { reason: REASON }), 200);
  });
});
