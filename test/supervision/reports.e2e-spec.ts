import { createTestApp, type TestApp } from '@masar/testing';
import { RefreshReportSummaries, type ReportTable } from '@masar/supervision';
import { days, FileBuilder } from './support/file-builder';

const CW = 'caseworker.rabat@masar.example';
const CW2 = 'caseworker2.rabat@masar.example';
const SUP = 'supervisor.rabat@masar.example';
const SUP_CASA = 'supervisor.casablanca@masar.example';
const SUP_COMMISSION = 'supervisor.commission@masar.example';

/** Every "parts add up to the whole" equation of a published table has zero or at least two hidden members. */
function equationsGivingOneAway(t: ReportTable): string[] {
  const bad: string[] = [];
  const check = (name: string, members: (number | null)[]) => members.filter((v) => v === null).length === 1 && bad.push(name);
  for (const r of t.rows) check(`row ${r.key}`, [...t.columns.map((c) => r.cells[c] ?? null), r.total]);
  for (const c of t.columns) check(`column ${c}`, [...t.rows.map((r) => r.cells[c] ?? null), t.columnTotals[c] ?? null]);
  check('column totals', [...t.columns.map((c) => t.columnTotals[c] ?? null), t.grandTotal]);
  check('row totals', [...t.rows.map((r) => r.total), t.grandTotal]);
  return bad;
}

describe('reports on a known data set', () => {
  let t: TestApp;
  const get = async (who: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...(await t.as(who)), ...headers } });
  const T0 = new Date('2026-03-02T09:00:00Z');
  const startedAt = new Date();

  beforeAll(async () => {
    t = await createTestApp();
    const u = t.staff.users;
    const b = new FileBuilder(t.dataSource, t.staff.offices, u[CW]!);
    // Rabat: 12 cards issued in March; file i waited i days before review, 10 days in review.
    for (let i = 1; i <= 12; i++) {
      await b.file({
        office: 'RAB', state: 'card_issued', final: true, nationality: 'SN', submittedAt: days(1, T0),
        history: [['open', 'draft', T0], ['submit', 'submitted', days(1, T0)], ['accept_as_complete', 'provincial_review', days(1 + i, T0)], ['confirm_favourable', 'card_issued', days(11 + i, T0)]],
        decision: { outcome: 'favourable', deciders: [u[CW]!, u[SUP]!], at: days(11 + i, T0) },
      });
    }
    // Rabat: 3 refused in March, decided 19 days after submission.
    for (let i = 0; i < 3; i++) {
      await b.file({ office: 'RAB', state: 'rejected_final', final: true, category: 'work_contract', nationality: 'SN', submittedAt: days(1, T0), decision: { outcome: 'unfavourable', deciders: [u[CW]!, u[SUP]!], at: days(20, T0) } });
    }
    // Rabat: 6 under review since April, 2 of them past their deadline.
    for (let i = 0; i < 6; i++) {
      await b.file({ office: 'RAB', state: 'provincial_review', nationality: 'ML', submittedAt: days(35, T0), dueAt: i < 2 ? days(70, T0) : days(60, new Date()) });
    }
    // Salé: 7 cards in March, proposed by the second caseworker.
    for (let i = 0; i < 7; i++) {
      await b.file({ office: 'SAL', state: 'card_issued', final: true, nationality: 'SN', submittedAt: days(1, T0), decision: { outcome: 'favourable', deciders: [u[CW2]!, u[SUP]!], at: days(15, T0) } });
    }
    // Kénitra: 2 received in April (a small count). Casablanca (another region): 9.
    for (let i = 0; i < 2; i++) await b.file({ office: 'KEN', state: 'submitted', nationality: 'ML', submittedAt: days(35, T0) });
    for (let i = 0; i < 9; i++) await b.file({ office: 'CAS', state: 'submitted', nationality: 'CI', submittedAt: days(35, T0) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers from the summary: nothing new before the refresh job, the files after it, with the refresh time', async () => {
    const before = await get(SUP, '/reports/files?rows=office');
    expect(before.statusCode).toBe(200);
    expect(before.json().grandTotal).toBe(0);
    expect(new Date(before.json().refreshedAt).getTime()).toBeLessThan(startedAt.getTime());

    const refreshed = await t.app.get(RefreshReportSummaries).execute();
    expect(refreshed.refreshed).toEqual(['report_files_summary', 'report_decisions_summary', 'report_stage_durations']);
    const after = await get(SUP, '/reports/files?rows=office');
    expect(new Date(after.json().refreshedAt).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect(after.json().grandTotal).toBe(30);
  });

  it('counts files by office and state within the region of the supervisor', async () => {
    const r = (await get(SUP, '/reports/files?rows=office&columns=state')).json();
    expect(r.columns).toEqual(['card_issued', 'provincial_review', 'rejected_final', 'submitted']);
    expect(Object.fromEntries(r.rows.map((x: { key: string; cells: object; total: number }) => [x.key, { ...x.cells, total: x.total }]))).toEqual({
      KEN: { card_issued: 0, provincial_review: 0, rejected_final: 0, submitted: 2, total: 2 },
      RAB: { card_issued: 12, provincial_review: 6, rejected_final: 3, submitted: 0, total: 21 },
      SAL: { card_issued: 7, provincial_review: 0, rejected_final: 0, submitted: 0, total: 7 },
    });
    expect(r.columnTotals).toEqual({ card_issued: 19, provincial_review: 6, rejected_final: 3, submitted: 2 });
    expect(r.grandTotal).toBe(30);
    expect(r.rows.find((x: { key: string }) => x.key === 'RAB').label).toBe('Préfecture de Rabat');
  });

  it('counts by nationality, month, category and kind; overdue files; other scopes', async () => {
    const cells = async (url: string, who = SUP) => Object.fromEntries((await get(who, url)).json().rows.map((x: { key: string; total: number }) => [x.key, x.total]));
    expect(await cells('/reports/files?rows=nationality')).toEqual({ ML: 8, SN: 22 });
    expect(await cells('/reports/files?rows=month')).toEqual({ '2026-03': 22, '2026-04': 8 });
    expect(await cells('/reports/files?rows=category')).toEqual({ residence_five_years: 27, work_contract: 3 });
    expect(await cells('/reports/files?rows=kind&from=2026-04&to=2026-04')).toEqual({ regularisation: 8 });
    expect(await cells('/reports/overdue?rows=office')).toEqual({ RAB: 2 });
    // Casablanca's supervisor sees Casablanca; the national commission sees every office.
    expect(await cells('/reports/files?rows=office', SUP_CASA)).toEqual({ CAS: 9 });
    expect((await get(SUP_COMMISSION, '/reports/files?rows=office')).json().grandTotal).toBe(39);
    expect((await get(CW, '/reports/files?rows=office')).statusCode).toBe(403);
    expect((await get(SUP, '/reports/files?rows=applicant')).statusCode).toBe(400);
  });

  it('gives grant rates by office and by officer', async () => {
    const byOffice = (await get(SUP, '/reports/grant-rates?by=office')).json();
    expect(byOffice.rows.map((x: object) => ({ ...x }))).toEqual([
      { key: 'RAB', label: 'Préfecture de Rabat', decisions: 15, favourable: 12, unfavourable: 3, grantRate: 0.8 },
      { key: 'SAL', label: 'Préfecture de Salé', decisions: 7, favourable: 7, unfavourable: 0, grantRate: 1 },
    ]);
    const u = t.staff.users;
    const proposed = (await get(SUP, '/reports/grant-rates?by=officer')).json();
    expect(Object.fromEntries(proposed.rows.map((x: { key: string; decisions: number; grantRate: number }) => [x.key, [x.decisions, x.grantRate]]))).toEqual({ [u[CW]!]: [15, 0.8], [u[CW2]!]: [7, 1] });
    const confirmed = (await get(SUP, '/reports/grant-rates?by=officer&part=confirmed')).json();
    expect(confirmed.rows).toEqual([expect.objectContaining({ key: u[SUP], decisions: 22, favourable: 19, grantRate: 0.864 })]);
  });

  it('gives the median and 90th percentile of days per stage and office', async () => {
    const r = (await get(SUP, '/reports/processing-times?kind=regularisation')).json();
    const at = (office: string, stage: string) => r.rows.find((x: { office: string; stage: string }) => x.office === office && x.stage === stage);
    expect(at('RAB', 'submitted')).toEqual({ office: 'RAB', kind: 'regularisation', stage: 'submitted', stays: 12, medianDays: 6.5, p90Days: 10.9 });
    expect(at('RAB', 'provincial_review')).toMatchObject({ stays: 12, medianDays: 10, p90Days: 10 });
    // Submission to decision: 11..22 days for the cards, 19 for the three refusals.
    expect(at('RAB', 'submission_to_first_decision')).toMatchObject({ stays: 15, medianDays: 18, p90Days: 20.6 });
    expect(at('SAL', 'submission_to_first_decision')).toMatchObject({ stays: 7, medianDays: 14, p90Days: 14 });
  });

  it('suppresses small counts for publication, and the figures that would reveal them', async () => {
    const r = (await get(SUP, '/reports/files?rows=office&columns=state&publication=true')).json();
    expect(r.publication).toBe(true);
    const row = (k: string) => r.rows.find((x: { key: string }) => x.key === k);
    expect(row('KEN').cells.submitted).toBeNull();
    expect(row('KEN').total).toBeNull();
    expect(row('RAB').cells.rejected_final).toBeNull();
    expect(r.columnTotals.submitted).toBeNull();
    expect(r.columnTotals.rejected_final).toBeNull();
    // Secondary suppression: no row, column or line of totals leaves a single hidden figure to subtract.
    expect(equationsGivingOneAway(r)).toEqual([]);
    expect(r.suppressed).toBeGreaterThan(5);
    // What is shown is true, and no count from 1 to 4 is shown anywhere.
    expect(r.grandTotal).toBe(30);
    const shown = [...r.rows.flatMap((x: { cells: object; total: number }) => [...Object.values(x.cells), x.total]), ...Object.values(r.columnTotals)];
    expect(shown.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);

    const nat = (await get(SUP, '/reports/processing-times?publication=true')).json();
    expect(nat.rows.filter((x: { stays: number | null }) => x.stays !== null && x.stays < 5)).toEqual([]);
  });

  it('exports CSV, by ?format=csv or Accept, and audits each export', async () => {
    const csv = await get(SUP, '/reports/files?rows=office&columns=state&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toEqual([
      'office,card_issued,provincial_review,rejected_final,submitted,total',
      'KEN,0,0,0,2,2',
      'RAB,12,6,3,0,21',
      'SAL,7,0,0,0,7',
      'total,19,6,3,2,30',
      '',
    ]);
    const published = await get(SUP, '/reports/files?rows=office&columns=state&publication=true', { accept: 'text/csv' });
    expect(published.headers['content-type']).toMatch(/^text\/csv/);
    expect(published.body).toContain('KEN,0,0,0,x,x');
    const events = await t.dataSource.query(`select actor_id, subject_id, details from audit_events where action = 'report.export' order by seq`);
    expect(events).toEqual([
      expect.objectContaining({ actor_id: t.staff.users[SUP], subject_id: 'files', details: expect.objectContaining({ format: 'csv', rows: 'office', columns: 'state', publication: false }) }),
      expect.objectContaining({ actor_id: t.staff.users[SUP], subject_id: 'files', details: expect.objectContaining({ publication: true }) }),
    ]);
    // JSON reads are not exports.
    await get(SUP, '/reports/grant-rates?by=office');
    expect((await t.dataSource.query(`select count(*)::int as n from audit_events where action = 'report.export'`))[0].n).toBe(2);
  });
});
