import { OpenDueRenewals, SweepDeadlines } from '@masar/cases';
import { createCasesTestApp, CW_RABAT, expectStatus, REASON, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

const DAY = 86_400_000;

describe('the deadline sweep', () => {
  let t: CasesTestApp;
  let sweep: SweepDeadlines;
  let renewals: OpenDueRenewals;
  beforeAll(async () => {
    t = await createCasesTestApp();
    sweep = t.app.get(SweepDeadlines);
    renewals = t.app.get(OpenDueRenewals);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function refusedAndNotified(): Promise<string> {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'work_contract', criteriaVersion: 'MA-2014', facts: { contractMonths: 6 } });
    await t.documentsVerified(id);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    expectStatus(await t.act(CW_RABAT, id, 'propose_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.act(SUP_RABAT, id, 'confirm_unfavourable', { reason: REASON }), 200);
    expectStatus(await t.act(CW_RABAT, id, 'notify_rejection'), 200);
    return id;
  }

  const state = async (id: string) => (await t.dataSource.query(`select state, version from applications where id = $1`, [id]))[0];

  it('closes an unappealed refusal only after the grace period, once, however often it runs', async () => {
    const id = await refusedAndNotified();
    // The appeal window is the applicant's deadline, closed by the system: it does not make the file the office's
    // overdue work.
    const [queued] = await t.dataSource.query(`select due_at = 'infinity' as unscheduled from applications where id = $1`, [id]);
    expect(queued.unscheduled).toBe(true);
    const now = Date.now();
    // The 30 days have passed, but the grace period has not: the file stays open for a late appeal.
    await sweep.run(new Date(now + 35 * DAY));
    expect((await state(id)).state).toBe('appeal_window');
    const first = await sweep.run(new Date(now + 43 * DAY));
    expect(first.transitions).toBeGreaterThanOrEqual(1);
    const closed = await state(id);
    expect(closed.state).toBe('closed');
    const again = await sweep.run(new Date(now + 43 * DAY));
    expect(again).toMatchObject({ transitions: 0, clocksHandled: 0 });
    expect(await state(id)).toEqual(closed);
    const history = await t.dataSource.query(`select action, actor_role from case_history where application_id = $1 order by version desc limit 1`, [id]);
    expect(history).toEqual([{ action: 'close_unappealed', actor_role: 'system' }]);
    const events = await t.dataSource.query(`select count(*)::int as n from case_events where application_id = $1 and type = 'file_closed'`, [id]);
    expect(events[0].n).toBe(1);
  });

  it('escalates an unanswered request for information once, without moving the file', async () => {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'serious_illness', criteriaVersion: 'MA-2014' });
    await t.act(CW_RABAT, id, 'submit');
    await t.act(CW_RABAT, id, 'start_completeness_check');
    expectStatus(await t.act(CW_RABAT, id, 'request_documents', { data: { requested: ['medical_certificate'] } }), 200);
    const later = new Date(Date.now() + 31 * DAY);
    const first = await sweep.run(later, { applicationId: id });
    expect(first).toMatchObject({ escalations: 1, transitions: 0 });
    expect((await state(id)).state).toBe('awaiting_documents');
    expect((await sweep.run(later, { applicationId: id })).escalations).toBe(0);
    const [clock] = await t.dataSource.query(`select escalated_at is not null as escalated from case_deadlines where application_id = $1 and stopped_at is null`, [id]);
    expect(clock.escalated).toBe(true);
    const audit = await t.dataSource.query(`select count(*)::int as n from audit_events where application_id = $1 and action = 'case.deadline_escalated'`, [id]);
    expect(audit[0].n).toBe(1);
    // The overdue file heads the office's overdue queue.
    const overdue = await t.dataSource.query(`select count(*)::int as n from applications where id = $1 and due_at < $2`, [id, later]);
    expect(overdue[0].n).toBe(1);
  });

  it('reminds a renewal 60 and 30 days before expiry, each once, then lets the card lapse', async () => {
    const applicantId = await t.person();
    const expiry = new Date(Date.now() + 90 * DAY);
    const expiresOn = expiry.toISOString().slice(0, 10);
    const { id } = await t.open({ kind: 'renewal', applicantId, cardExpiresOn: expiresOn });
    const at = (days: number) => new Date(Date.parse(`${expiresOn}T00:00:00Z`) + days * DAY);
    expect((await sweep.run(at(-61), { applicationId: id })).reminders).toBe(0);
    expect((await sweep.run(at(-59), { applicationId: id })).reminders).toBe(1);
    expect((await sweep.run(at(-59), { applicationId: id })).reminders).toBe(0);
    expect((await sweep.run(at(-29), { applicationId: id })).reminders).toBe(1);
    const reminders = await t.dataSource.query(
      `select params->>'daysBefore' as days from notifications where application_id = $1 and event = 'renewal.reminder' order by requested_at`,
      [id],
    );
    expect(reminders).toEqual([{ days: '60' }, { days: '30' }]);
    expect((await sweep.run(at(20), { applicationId: id })).transitions).toBe(0);
    expect((await sweep.run(at(31), { applicationId: id })).transitions).toBe(1);
    expect((await state(id)).state).toBe('lapsed');
    expect(await sweep.run(at(40), { applicationId: id })).toMatchObject({ transitions: 0, reminders: 0, clocksHandled: 0 });
  });

  it('shares the work between two sweeps running at once, firing each milestone once', async () => {
    const ids = [await refusedAndNotified(), await refusedAndNotified(), await refusedAndNotified()];
    const when = new Date(Date.now() + 50 * DAY);
    const [a, b] = await Promise.all([sweep.run(when), sweep.run(when)]);
    const closedNow = a.transitions + b.transitions;
    expect(closedNow).toBe(3);
    for (const id of ids) expect((await state(id)).state).toBe('closed');
  });

  it('opens the renewal file of a card handed over, ahead of its expiry and once, and reminds on time', async () => {
    const applicantId = await t.person();
    const { id } = await t.open({ kind: 'regularisation', applicantId, category: 'residence_five_years', criteriaVersion: 'MA-2014', facts: { residenceSince: '2001-01-01' } });
    await t.documentsVerified(id);
    for (const a of ['submit', 'start_completeness_check', 'accept_as_complete', 'propose_favourable']) expectStatus(await t.act(CW_RABAT, id, a), 200);
    expectStatus(await t.act(SUP_RABAT, id, 'confirm_favourable'), 200);
    expectStatus(await t.act(CW_RABAT, id, 'mark_card_ready'), 200);
    const expiresOn = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    expectStatus(await t.act(CW_RABAT, id, 'issue_card', { data: { cardExpiresOn: expiresOn } }), 200);
    const [card] = await t.dataSource.query(`select card_expires_on::text as d from applications where id = $1`, [id]);
    expect(card.d).toBe(expiresOn);

    const expiry = Date.parse(`${expiresOn}T00:00:00Z`);
    const renewalOf = () => t.dataSource.query(`select id, state, card_expires_on::text as d from applications where kind = 'renewal' and linked_application_id = $1`, [id]);
    await renewals.run(new Date(expiry - 80 * DAY));
    expect(await renewalOf()).toEqual([]);
    await Promise.all([renewals.run(new Date(expiry - 74 * DAY)), renewals.run(new Date(expiry - 74 * DAY))]);
    const opened = await renewalOf();
    expect(opened).toEqual([expect.objectContaining({ state: 'expiry_upcoming', d: expiresOn })]);
    expect((await renewals.run(new Date(expiry - 70 * DAY))).opened).toBe(0);
    expect((await sweep.run(new Date(expiry - 59 * DAY), { applicationId: opened[0].id })).reminders).toBe(1);
  });

  it('applies every other clock when one cannot be applied, and reports it', async () => {
    const broken = await refusedAndNotified();
    const healthy = await refusedAndNotified();
    // A clock whose milestones were mangled (by hand, by a bug): applying it throws.
    await t.dataSource.query(`update case_deadlines set milestones = '"mangled"'::jsonb where application_id = $1 and stopped_at is null`, [broken]);
    const report = await sweep.run(new Date(Date.now() + 60 * DAY));
    expect(report.failed).toBe(1);
    expect((await state(healthy)).state).toBe('closed');
    expect((await state(broken)).state).toBe('appeal_window');
  });
});
