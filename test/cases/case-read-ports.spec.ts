import type { Actor } from '@masar/access';
import { CASE_REPORT_VIEWS, CaseFactsForLetters, CaseReporting, CaseStatistics, decisionsTakenSql, PERSON_FILES_SQL } from '@masar/cases';
import { createTestApp, type TestApp } from '@masar/testing';
import { days, FileBuilder } from '../supervision/support/file-builder';

/**
 * The read ports the cases context offers the letters and supervision contexts: their SQL lives here, on the cases
 * tables (and the report views this context owns), and is tested here against known files.
 */
describe('cases read ports (letters and supervision read through them)', () => {
  let t: TestApp;
  let b: FileBuilder;
  const staff = (role: Actor['role'], office: string, email: string): Actor => ({
    userId: t.staff.users[email]!,
    role,
    officeId: t.staff.offices[office]!,
    regionCode: null,
    nationalCommission: office === 'CNR',
  });
  const at = new Date('2026-10-07T10:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    b = new FileBuilder(t.dataSource, t.staff.offices, t.staff.users['caseworker.rabat@masar.example']!);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives letters the facts of a receipt and of a decision, and a file only to whoever may read it', async () => {
    const cw = t.staff.users['caseworker.rabat@masar.example']!;
    const sup = t.staff.users['supervisor.rabat@masar.example']!;
    const id = await b.file({
      office: 'RAB', state: 'card_production', submittedAt: days(-30, at),
      history: [['open', 'draft', days(-31, at)], ['submit', 'submitted', days(-30, at)], ['propose_favourable', 'favourable_proposed', days(-1, at)], ['confirm_favourable', 'card_production', at]],
      decision: { outcome: 'favourable', deciders: [cw, sup], at },
    });
    await t.dataSource.query(
      `insert into case_deadlines (application_id, clock, started_at, due_at, milestones) values ($1, 'information_request', $2, $3, '[]')`,
      [id, days(-5, at), new Date('2026-10-20T12:00:00Z')],
    );
    const facts = t.app.get(CaseFactsForLetters);
    const receipt = await facts.receipt(id);
    expect(receipt).toMatchObject({ officeId: t.staff.offices.RAB, officeName: 'Préfecture de Rabat', kind: 'regularisation', category: 'residence_five_years', language: 'fr', submittedOn: '2026-09-07', documentsDueOn: '2026-10-20' });
    expect(receipt!.reference).toMatch(/^MA-/);
    expect(await facts.receipt('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await facts.receipt('not-a-uuid')).toBeNull();

    const [confirm] = await t.dataSource.query(`select id from case_history where application_id = $1 and action = 'confirm_favourable'`, [id]);
    const decision = await facts.decision(id, confirm.id);
    expect(decision).toMatchObject({ action: 'confirm_favourable', decidedOn: '2026-10-07', reasons: ['Reasons written by the officer for this decision.'], appealDeadline: null, appealBodyName: 'Commission nationale de recours' });
    // A decision id of another file is no decision of this one.
    const other = await b.file({ office: 'CAS', state: 'submitted', history: [['submit', 'submitted', at]] });
    expect(await facts.decision(other, confirm.id)).toBeNull();

    expect(await facts.readableFile(staff('caseworker', 'RAB', 'caseworker.rabat@masar.example'), id)).toEqual({ reference: receipt!.reference });
    expect(await facts.readableFile(staff('supervisor', 'CAS', 'supervisor.casablanca@masar.example'), id)).toBeNull();
    expect(await facts.readableFile(staff('caseworker', 'RAB', 'caseworker.rabat@masar.example'), other)).toBeNull();
    // The national commission reads the letters of the files appealed to it, and only those.
    const commission = staff('supervisor', 'CNR', 'supervisor.commission@masar.example');
    expect(await facts.readableFile(commission, id)).toBeNull();
    await t.dataSource.query(`update applications set appeal_office_id = $2 where id = $1`, [id, t.staff.offices.CNR]);
    expect(await facts.readableFile(commission, id)).toEqual({ reference: receipt!.reference });
    // An applicant reads only the files of the person linked to their account (this one has no account).
    const applicant: Actor = { userId: t.staff.users['applicant@masar.example']!, role: 'applicant', officeId: null, regionCode: null, nationalCommission: false };
    expect(await facts.readableFile(applicant, id)).toBeNull();
    await t.dataSource.query(`update applicants set user_id = $2 where id = (select applicant_id from applications where id = $1)`, [id, applicant.userId]);
    expect(await facts.readableFile(applicant, id)).toEqual({ reference: receipt!.reference });
  });

  it('relates the decisions of a window, with who decided and who took part', async () => {
    const cw = t.staff.users['caseworker2.rabat@masar.example']!;
    const sup = t.staff.users['supervisor.rabat@masar.example']!;
    const start = new Date('2026-11-02T00:00:00Z');
    const end = new Date('2026-11-09T00:00:00Z');
    const decided = (when: Date) =>
      b.file({
        office: 'SAL', state: 'card_production', submittedAt: days(-10, when),
        history: [['submit', 'submitted', days(-10, when)], ['propose_favourable', 'favourable_proposed', days(-1, when)], ['confirm_favourable', 'card_production', when]],
        decision: { outcome: 'favourable', deciders: [cw, sup], at: when },
      });
    const inside = await decided(days(2, start));
    await decided(new Date(end.getTime())); // the window is half-open
    await decided(new Date(start.getTime() - 1));
    // Composed after a parameter of the caller's own, as the quality sample does.
    const params: unknown[] = ['SAL'];
    const rows = await t.dataSource.query(
      `select d.* from (${decisionsTakenSql(params, start, end)}) d join offices o on o.id = d.office_id where o.code = $1`,
      params,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ application_id: inside, instance: 'first', outcome: 'favourable', office_id: t.staff.offices.SAL, officer_id: cw, deciders: [cw, sup] });
  });

  it('lists the persons on record with their files and closure, and what the right of access shows of them', async () => {
    const reporting = t.app.get(CaseReporting);
    const person = await b.person('ML');
    const first = await b.file({ office: 'KEN', state: 'rejected', final: true, applicantId: person, history: [['submit', 'submitted', days(-400, at)], ['reject', 'rejected', days(-300, at)]] });
    const second = await b.file({ office: 'KEN', state: 'submitted', applicantId: person, history: [['submit', 'submitted', days(-10, at)]] });
    const merged = await b.person('ML');
    await t.dataSource.query(`update applicants set merged_into_id = $1 where id = $2`, [person, merged]);

    const files = await t.dataSource.query(`select * from (${PERSON_FILES_SQL}) f where f.applicant_id = any($1::uuid[]) order by f.closed_at`, [[person, merged]]);
    expect(files.map((f: { application_id: string; final: boolean; closed_at: Date }) => [f.application_id, f.final, f.closed_at.toISOString()])).toEqual([
      [first, true, days(-300, at).toISOString()],
      [second, false, days(-10, at).toISOString()],
    ]);

    expect(await t.dataSource.transaction((m) => reporting.lockPersonFiles(m, person))).toEqual({ mergedRecords: [merged] });
    const labels = await reporting.fileLabels([first, '00000000-0000-4000-8000-000000000000']);
    expect([...labels.keys()]).toEqual([first]);
    expect(labels.get(first)!.kind).toBe('regularisation');
    const own = await reporting.filesOfPerson(person);
    expect(own.map((f) => [f.id, f.officeName, f.nationality]).sort()).toEqual([
      [first, 'Province de Kénitra', 'SN'],
      [second, 'Province de Kénitra', 'SN'],
    ].sort());
    await t.dataSource.query(`insert into case_deadlines (application_id, clock, started_at, due_at, milestones) values ($1, 'decision', $2, $3, '[]')`, [second, days(-10, at), days(50, at)]);
    expect(await reporting.clocksOf([first, second])).toEqual([{ applicationId: second, clock: 'decision', startedAt: days(-10, at), dueAt: days(50, at), stoppedAt: null }]);
    const account = t.staff.users['applicant@masar.example']!;
    await t.dataSource.query(`update applicants set user_id = $2 where id = $1`, [person, account]);
    expect(await reporting.personsOfAccount(account)).toContain(person);
  });

  it('counts files, decisions and stays from the report views it owns, refreshed through the port, within the offices asked', async () => {
    const statistics = t.app.get(CaseStatistics);
    const cw = t.staff.users['caseworker.rabat@masar.example']!;
    const sup = t.staff.users['supervisor.rabat@masar.example']!;
    const MAR = t.staff.offices.MAR!;
    const march = new Date('2026-03-05T09:00:00Z');
    for (let i = 0; i < 2; i++) {
      await b.file({
        office: 'MAR', state: 'card_production', nationality: 'SN', submittedAt: march,
        history: [['submit', 'submitted', march], ['propose_favourable', 'favourable_proposed', days(10, march)], ['confirm_favourable', 'card_production', days(15, march)]],
        decision: { outcome: 'favourable', deciders: [cw, sup], at: days(15, march) },
      });
    }
    await b.file({ office: 'MAR', state: 'provincial_review', nationality: 'ML', submittedAt: days(30, march), dueAt: days(40, march) });
    const scope = { officeIds: [MAR] };
    // Not counted before the refresh: the views are as of their last refresh.
    expect(await statistics.fileCounts({ ...scope, measure: 'files', rows: 'office', columns: null })).toEqual([]);
    for (const view of CASE_REPORT_VIEWS) await statistics.refresh(view);

    const byState = await statistics.fileCounts({ ...scope, measure: 'files', rows: 'office', columns: 'state' });
    expect(byState.sort((x, y) => x.column!.localeCompare(y.column!))).toEqual([
      { row: 'MAR', column: 'card_production', count: 2, label: 'Préfecture de Marrakech' },
      { row: 'MAR', column: 'provincial_review', count: 1, label: 'Préfecture de Marrakech' },
    ]);
    expect(await statistics.fileCounts({ ...scope, measure: 'overdue', rows: 'nationality', columns: null })).toEqual([{ row: 'ML', column: null, count: 1, label: null }]);
    expect(await statistics.fileCounts({ ...scope, measure: 'files', rows: 'month', columns: null, from: '2026-04', to: '2026-04' })).toEqual([{ row: '2026-04', column: null, count: 1, label: null }]);
    expect(await statistics.fileCounts({ ...scope, measure: 'files', rows: 'kind', columns: null, kind: 'asylum' })).toEqual([]);
    expect(await statistics.fileCounts({ officeIds: [], measure: 'files', rows: 'office', columns: null })).toEqual([]);
    const everywhere = await statistics.fileCounts({ officeIds: null, measure: 'files', rows: 'office', columns: null });
    expect(everywhere.find((c) => c.row === 'MAR')).toEqual({ row: 'MAR', column: null, count: 3, label: 'Préfecture de Marrakech' });
    expect(everywhere.length).toBeGreaterThan(1);

    expect(await statistics.decisionCounts({ ...scope, by: 'office', part: 'proposed' })).toEqual([{ row: 'MAR', column: 'favourable', count: 2, label: 'Préfecture de Marrakech' }]);
    const [confirmed] = await statistics.decisionCounts({ ...scope, by: 'officer', part: 'confirmed' });
    const [supName] = await t.dataSource.query(`select display_name from users where id = $1`, [sup]);
    expect(confirmed).toEqual({ row: sup, column: 'favourable', count: 2, label: supName.display_name });
    expect(await statistics.decisionCounts({ ...scope, by: 'office', part: 'proposed', from: '2026-04' })).toEqual([]);

    expect(await statistics.stageDurations({ ...scope, stage: 'submitted' })).toEqual([{ office: 'MAR', kind: 'regularisation', stage: 'submitted', stays: 2, medianDays: 10, p90Days: 10 }]);
    expect(await statistics.stageDurations({ ...scope, stage: 'submission_to_first_decision' })).toEqual([
      { office: 'MAR', kind: 'regularisation', stage: 'submission_to_first_decision', stays: 2, medianDays: 15, p90Days: 15 },
    ]);
    await expect(statistics.refresh('applications' as never)).rejects.toThrow(/not a case report view/);
  });

  it("tells whether a file is in a supervisor's scope, and locks it for a change", async () => {
    const reporting = t.app.get(CaseReporting);
    const id = await b.file({ office: 'MAR', state: 'submitted', history: [['submit', 'submitted', at]] });
    const rabat = staff('supervisor', 'RAB', 'supervisor.rabat@masar.example');
    const inScope = (scope: Parameters<CaseReporting['fileInScope']>[2], lock = false) => t.dataSource.transaction((m) => reporting.fileInScope(m, rabat, scope, id, { lock }));
    expect(await inScope({ kind: 'offices', officeIds: [t.staff.offices.RAB!] })).toBe(false);
    expect(await inScope({ kind: 'offices', officeIds: [t.staff.offices.MAR!] }, true)).toBe(true);
    expect(await inScope({ kind: 'all' })).toBe(true);
    expect(await inScope({ kind: 'none' })).toBe(false);
    expect(await inScope({ kind: 'appeals', officeId: t.staff.offices.CNR! })).toBe(false);
    // Locked: a second transaction asking for the same lock waits until the first ends.
    const order: string[] = [];
    let other: Promise<unknown> = Promise.resolve();
    await t.dataSource.transaction(async (m) => {
      await reporting.fileInScope(m, rabat, { kind: 'all' }, id, { lock: true });
      other = t.dataSource.transaction((m2) => reporting.fileInScope(m2, rabat, { kind: 'all' }, id, { lock: true }).then(() => order.push('second')));
      await new Promise((r) => setTimeout(r, 300));
      order.push('first');
    });
    await other;
    expect(order).toEqual(['first', 'second']);
  });
});
