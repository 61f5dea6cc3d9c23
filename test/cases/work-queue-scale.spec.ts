import type { Actor } from '@masar/access';
import { workQueueSql, type WorkQueueRequest } from '@masar/cases';
import { createCasesTestApp, CW_RABAT, expectStatus, SUP_RABAT, type CasesTestApp } from './support/cases-test-app';

/**
 * The work queue at campaign scale: N generated files (100,000 unless CASES_SCALE_FILES says otherwise) spread over
 * the offices, kinds, states and deadlines. Each page must come from the matching index read in order (no sort of
 * the office's files), so that its cost does not grow with the number of files. Prints the figures.
 */
const N = Number(process.env.CASES_SCALE_FILES ?? 100_000);
jest.setTimeout(300_000);

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(p: PlanNode): PlanNode[] {
  return [p, ...(p.Plans ?? []).flatMap(nodes)];
}

describe(`the work queue on ${N.toLocaleString('en')} files`, () => {
  let t: CasesTestApp;
  let caseworker: Actor;
  let supervisor: Actor;
  beforeAll(async () => {
    t = await createCasesTestApp();
    const offices: string[] = (await t.dataSource.query(`select id from offices where kind <> 'national_commission' order by code`)).map((o: { id: string }) => o.id);
    const rabat = t.staff.offices.RAB!;
    caseworker = { userId: t.staff.users[CW_RABAT]!, role: 'caseworker', officeId: rabat, regionCode: 'RSK', nationalCommission: false };
    supervisor = { userId: t.staff.users[SUP_RABAT]!, role: 'supervisor', officeId: rabat, regionCode: 'RSK', nationalCommission: false };
    const started = Date.now();
    // Bulk generation is one long statement: lift the API's 30-second statement limit for it alone.
    await t.dataSource.transaction(async (m) => {
      await m.query(`set local statement_timeout = 0`);
      await m.query(
        `insert into applicants (latin_name, name_keys, name_skeleton, birth_year, nationality, created_by)
         select 'Person ' || g, array['prsn' || g], 'prsn' || g, 1960 + g % 45,
                (array['SN','ML','CI','GN','CM','NG','CD','SY','YE','SD'])[1 + g % 10], $1
           from generate_series(1, $2::int) g`,
        [caseworker.userId, Math.ceil(N / 10)],
      );
      await m.query(
        `with people as (select id, row_number() over (order by id) - 1 as n from applicants), total as (select count(*) as c from applicants), r as (
           -- Independent pseudo-random draws per file, so that office, kind, state and deadline are not correlated.
           select g, ('x' || substr(md5(g::text), 1, 7))::bit(28)::int as r1, ('x' || substr(md5(g::text), 8, 7))::bit(28)::int as r2,
                  ('x' || substr(md5(g::text), 15, 7))::bit(28)::int as r3, ('x' || substr(md5(g::text), 22, 7))::bit(28)::int as r4
             from generate_series(1, $1::int) g), s as (
           select g, r1, r2, r3, r4,
                  case when r1 % 10 < 7 then 'regularisation' when r1 % 10 < 9 then 'asylum' else 'renewal' end as kind,
                  r2 % 5 < 2 as final
             from r)
         insert into applications (reference, access_code_hash, kind, category, criteria_version, applicant_id, office_id, nationality,
                                   state, final, version, due_at, assignee_id, proposal, created_by)
         select 'MA-S' || g, repeat('0', 64), kind,
                case when kind = 'regularisation' then (array['spouse_of_moroccan','spouse_of_foreigner','child_of_eligible_parent','work_contract','residence_five_years','serious_illness'])[1 + r4 % 6] end,
                case when kind = 'regularisation' then 'MA-2016' end,
                people.id,
                ($2::uuid[])[1 + r3 % array_length($2::uuid[], 1)],
                (array['SN','ML','CI','GN','CM','NG','CD','SY','YE','SD'])[1 + g % 10],
                case
                  when final then (case kind when 'regularisation' then 'card_issued' when 'asylum' then 'protected' else 'card_issued' end)
                  when kind = 'regularisation' then (array['submitted','completeness_check','awaiting_documents','provincial_review','favourable_proposed','card_production','appeal_window'])[1 + r4 % 7]
                  when kind = 'asylum' then (array['registered','interview_scheduled','interviewed','assessment_drafted','recognition_proposed','appeal_window'])[1 + r4 % 6]
                  else (array['expiry_upcoming','requested','documents_check','review','approval_proposed'])[1 + r4 % 5]
                end,
                final, 1 + g % 9,
                case when r2 % 7 = 0 then 'infinity'::timestamptz else now() + (r1 % 120 - 30) * interval '1 day' + (r3 % 86400) * interval '1 second' end,
                case when r3 % 3 = 0 then $3::uuid end,
                case when not final and r4 % 7 = 4 then jsonb_build_object('outcome', 'favourable', 'proposedBy', $3::text) end,
                $3
           from s cross join total join people on people.n = s.g % total.c`,
        [N, offices, caseworker.userId],
      );
    });
    await t.dataSource.query(`analyze applicants`);
    await t.dataSource.query(`analyze applications`);
    console.log(`[scale] generated ${N} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function plan(actor: Actor, r: WorkQueueRequest): Promise<{ root: PlanNode; ms: number }> {
    const scope = { kind: 'offices' as const, officeIds: [actor.officeId!] };
    const { sql, params } = workQueueSql(actor, scope, r, 25, new Date())!;
    const [row] = await t.dataSource.query(`explain (analyze, buffers, format json) ${sql}`, params);
    const out = row['QUERY PLAN'][0];
    return { root: out.Plan, ms: out['Execution Time'] };
  }

  it.each([
    ['office', 'applications_office_queue_idx'],
    ['unassigned', 'applications_office_unassigned_idx'],
    ['overdue', 'applications_office_queue_idx'],
    ['due_this_week', 'applications_office_queue_idx'],
  ] as const)('reads the %s view from %s in deadline order, without sorting', async (view, index) => {
    const { root, ms } = await plan(caseworker, { view });
    const all = nodes(root);
    console.log(`[scale] ${view}: ${all.map((n) => n['Node Type'] + (n['Index Name'] ? ` on ${n['Index Name']}` : '')).join(' > ')}; ${ms.toFixed(2)} ms`);
    expect(all.some((n) => n['Index Name'] === index)).toBe(true);
    expect(all.some((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Seq Scan')).toBe(false);
  });

  it('prints the plan of the office queue page as PostgreSQL shows it', async () => {
    const scope = { kind: 'offices' as const, officeIds: [caseworker.officeId!] };
    const { sql, params } = workQueueSql(caseworker, scope, { view: 'office' }, 25, new Date())!;
    const rows: { 'QUERY PLAN': string }[] = await t.dataSource.query(`explain (analyze, buffers) ${sql}`, params);
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    console.log(`[scale] plan of the office queue page:\n${text}`);
    expect(text).toContain('Index Scan using applications_office_queue_idx');
  });

  it('reads "mine" and "awaiting my confirmation" from their own indexes', async () => {
    const mine = nodes((await plan(caseworker, { view: 'mine' })).root);
    expect(mine.some((n) => n['Index Name'] === 'applications_assignee_queue_idx' || n['Index Name'] === 'applications_office_queue_idx')).toBe(true);
    expect(mine.some((n) => n['Node Type'] === 'Seq Scan')).toBe(false);
    const confirm = nodes((await plan(supervisor, { view: 'awaiting_my_confirmation' })).root);
    expect(confirm.some((n) => n['Index Name'] === 'applications_awaiting_confirmation_idx')).toBe(true);
  });

  it('serves the first page and the next twenty over HTTP in time that does not depend on the page', async () => {
    await t.get(CW_RABAT, '/work-queue?view=office&limit=1'); // sign-in and warm-up, not measured
    const times: number[] = [];
    let cursor: string | null = null;
    let seen = 0;
    for (let page = 0; page < 21; page++) {
      const t0 = process.hrtime.bigint();
      const res = await t.get(CW_RABAT, `/work-queue?view=office&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      expectStatus(res, 200);
      const body = res.json();
      if (page === 0) {
        const open = Object.entries(body.counts as Record<string, number>).reduce((n, [, c]) => n + c, 0);
        console.log(`[scale] Rabat holds ${open} files; counts per state: ${JSON.stringify(body.counts)}`);
      }
      seen += body.items.length;
      cursor = body.nextCursor;
    }
    const later = times.slice(1).sort((a, b) => a - b);
    const median = later[Math.floor(later.length / 2)]!;
    console.log(`[scale] first page with counts ${times[0]!.toFixed(1)} ms; next pages median ${median.toFixed(1)} ms, max ${later[later.length - 1]!.toFixed(1)} ms; ${seen} files seen`);
    expect(seen).toBe(21 * 50);
    expect(median).toBeLessThan(250);
  });
});
