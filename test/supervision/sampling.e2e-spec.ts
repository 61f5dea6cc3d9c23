import { createTestApp, type TestApp } from '@masar/testing';
import { DrawQualitySample, isoWeekBounds } from '@masar/supervision';
import { days, FileBuilder } from './support/file-builder';

const CW = 'caseworker.rabat@masar.example';
const CW2 = 'caseworker2.rabat@masar.example';
const SUP = 'supervisor.rabat@masar.example';
const SUP_CASA = 'supervisor.casablanca@masar.example';
const SUP_COMMISSION = 'supervisor.commission@masar.example';
const WEEK = '2026-W40';

describe('weekly quality sampling', () => {
  let t: TestApp;
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: await t.as(who) });

  beforeAll(async () => {
    t = await createTestApp();
    const u = t.staff.users;
    const b = new FileBuilder(t.dataSource, t.staff.offices, u[CW]!);
    const { start } = isoWeekBounds(WEEK);
    const decided = async (officer: string, confirmer: string, at: Date) =>
      b.file({
        office: 'RAB', state: 'card_production', submittedAt: days(-30, at),
        history: [['open', 'draft', days(-31, at)], ['submit', 'submitted', days(-30, at)], ['propose_favourable', 'favourable_proposed', days(-1, at)], ['confirm_favourable', 'card_production', at]],
        decision: { outcome: 'favourable', deciders: [officer, confirmer], at },
      });
    // The week: 20 decisions proposed by the first caseworker (confirmed by Rabat's supervisor), 10 by the second
    // (confirmed by someone else), spread over the seven days.
    for (let i = 0; i < 20; i++) await decided(u[CW]!, u[SUP]!, new Date(start.getTime() + i * 8 * 3600_000));
    for (let i = 0; i < 10; i++) await decided(u[CW2]!, u[SUP_COMMISSION]!, new Date(start.getTime() + i * 16 * 3600_000));
    // Outside the week (the Sunday before, and the Monday after): never drawn for it.
    await decided(u[CW]!, u[SUP]!, new Date(start.getTime() - 1000));
    await decided(u[CW2]!, u[SUP_COMMISSION]!, isoWeekBounds('2026-W41').start);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('draws the share asked of each officer\'s decisions of the week, once', async () => {
    const draw = t.app.get(DrawQualitySample);
    const first = await draw.execute({ week: WEEK, share: 0.1 });
    expect(first).toEqual({ week: WEEK, drawn: true, decisions: 30, sampled: 3 });
    const perOfficer = await t.dataSource.query(`select officer_id, count(*)::int as n from quality_samples where week = $1 group by 1`, [WEEK]);
    expect(Object.fromEntries(perOfficer.map((r: { officer_id: string; n: number }) => [r.officer_id, r.n]))).toEqual({ [t.staff.users[CW]!]: 2, [t.staff.users[CW2]!]: 1 });
    // Every sample is a decision of that week.
    const { start, end } = isoWeekBounds(WEEK);
    const outside = await t.dataSource.query(`select count(*)::int as n from quality_samples where week = $1 and (decided_at < $2 or decided_at >= $3)`, [WEEK, start, end]);
    expect(outside[0].n).toBe(0);

    // The same week again (the job retried, or a second worker): nothing changes.
    const again = await draw.execute({ week: WEEK, share: 0.5 });
    expect(again).toEqual({ week: WEEK, drawn: false, decisions: 30, sampled: 3 });
    expect((await t.dataSource.query(`select count(*)::int as n from quality_samples`))[0].n).toBe(3);
    const audit = await t.dataSource.query(`select details from audit_events where action = 'quality.sample_drawn'`);
    expect(audit).toEqual([{ details: { week: WEEK, share: 0.1, decisions: 30, sampled: 3 } }]);

    // The next week is its own draw; an officer with a single decision still gets one second look.
    const wider = await draw.execute({ week: '2026-W41', share: 0.5 });
    expect(wider).toMatchObject({ drawn: true, decisions: 1, sampled: 1 });
  });

  it('lists the samples to supervisors of the office and records a finding by someone who took no part', async () => {
    const list = await call(SUP, 'GET', `/quality-samples?week=${WEEK}&status=pending`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; officerId: string; youMayReview: boolean; reference: string }[];
    expect(items).toHaveLength(3);
    const own = items.filter((i) => i.officerId === t.staff.users[CW]);
    const other = items.find((i) => i.officerId === t.staff.users[CW2])!;
    // Rabat's supervisor confirmed the first caseworker's decisions: someone else must look at them.
    expect(own.map((i) => i.youMayReview)).toEqual([false, false]);
    expect(other.youMayReview).toBe(true);
    const refused = await call(SUP, 'POST', `/quality-samples/${own[0]!.id}/finding`, { finding: 'agree' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SUPERVISION_REVIEWER_TOOK_PART');

    const unexplained = await call(SUP, 'POST', `/quality-samples/${other.id}/finding`, { finding: 'disagree', comment: 'no' });
    expect(unexplained.statusCode).toBe(422);
    const recorded = await call(SUP, 'POST', `/quality-samples/${other.id}/finding`, { finding: 'disagree', comment: 'The proof of residence does not cover 2012.' });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ id: other.id, finding: 'disagree' });
    expect((await call(SUP, 'POST', `/quality-samples/${other.id}/finding`, { finding: 'agree' })).statusCode).toBe(409);

    const reviewed = (await call(SUP, 'GET', `/quality-samples?week=${WEEK}&status=reviewed`)).json().items;
    expect(reviewed).toEqual([expect.objectContaining({ id: other.id, finding: 'disagree', comment: 'The proof of residence does not cover 2012.', reviewerId: t.staff.users[SUP] })]);
    // The trail names the fields, never the comment.
    const [event] = await t.dataSource.query(`select fields, details, application_id from audit_events where action = 'quality.finding'`);
    expect(event).toMatchObject({ fields: ['comment', 'finding'], details: { finding: 'disagree', week: WEEK } });
    expect(JSON.stringify(event)).not.toContain('2012');

    // Another region's supervisor sees none of Rabat's samples, and cannot record a finding on one.
    expect((await call(SUP_CASA, 'GET', `/quality-samples?week=${WEEK}`)).json().items).toEqual([]);
    expect((await call(SUP_CASA, 'POST', `/quality-samples/${own[1]!.id}/finding`, { finding: 'agree' })).statusCode).toBe(404);
    expect((await call(CW2, 'GET', `/quality-samples?week=${WEEK}`)).statusCode).toBe(403);
  });
});
