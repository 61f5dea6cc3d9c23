import { DrawQualitySample, isoWeekOf } from '@masar/supervision';
import { createCasesTestApp, CW_RABAT, expectStatus, SUP_RABAT, type CasesTestApp } from '../cases/support/cases-test-app';

const SUP_COMMISSION = 'supervisor.commission@masar.example';

/**
 * The review queue of proposed decisions is the cases context's (the 'awaiting_my_confirmation' work-queue view,
 * confirm or overturn by transition, with four eyes and written reasons); this walks it as a supervisor does and
 * checks that the decision it ends with is the one the quality sampling finds, with its officer and deciders.
 */
describe('review queue, then the decision in the weekly sample', () => {
  let t: CasesTestApp;
  beforeAll(async () => {
    t = await createCasesTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a proposal waits for a supervisor, is overturned with reasons, proposed again, confirmed, then sampled', async () => {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'residence_five_years', criteriaVersion: 'MA-2014', facts: { residenceSince: '2008-01-01' } });
    await t.documentsVerified(id);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete', 'propose_favourable']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    const queue = await t.get(SUP_RABAT, '/work-queue?view=awaiting_my_confirmation');
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(id);

    expectStatus(await t.act(SUP_RABAT, id, 'overturn_proposal'), 422); // reasons are required
    expectStatus(await t.act(SUP_RABAT, id, 'overturn_proposal', { reason: 'The lease for 2010 is missing from the file.' }), 200);
    expect((await t.get(SUP_RABAT, '/work-queue?view=awaiting_my_confirmation')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expectStatus(await t.act(CW_RABAT, id, 'propose_favourable'), 200);
    expectStatus(await t.act(SUP_RABAT, id, 'confirm_favourable'), 200);
    const history = (await t.get(SUP_RABAT, `/applications/${id}`)).json().history;
    expect(history.find((h: { action: string }) => h.action === 'overturn_proposal').reason).toBe('The lease for 2010 is missing from the file.');

    const week = isoWeekOf(new Date());
    const drawn = await t.app.get(DrawQualitySample).execute({ week, share: 0.1 });
    expect(drawn).toMatchObject({ drawn: true, decisions: 1, sampled: 1 });
    const [sample] = await t.dataSource.query(`select s.application_id, s.officer_id, s.deciders, s.instance, s.outcome, h.action from quality_samples s join case_history h on h.id = s.decision_id`);
    expect(sample).toEqual({ application_id: id, officer_id: t.staff.users[CW_RABAT], deciders: [t.staff.users[CW_RABAT], t.staff.users[SUP_RABAT]], instance: 'first', outcome: 'favourable', action: 'confirm_favourable' });
    // The supervisor who confirmed cannot give it the second look; the national commission reviews its own (appeal) decisions only.
    const list = (await t.get(SUP_RABAT, `/quality-samples?week=${week}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ applicationId: id, youMayReview: false })]);
    expect((await t.get(SUP_COMMISSION, `/quality-samples?week=${week}`)).json().items).toEqual([]);
  });
});
