import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report summaries become the cases context's: they are aggregates of its tables (applications, case_history),
 * so they must change with them. Supervision created them in its first migration and read them by name; it now reads
 * them only through `CaseStatistics`, and refreshes them through it. The views are dropped and created again here
 * with the same names, definitions and unique indexes (so the figures are the same, and CONCURRENTLY refreshes keep
 * working); from now on a change of the cases tables that touches them is a cases migration.
 *
 * Re-creating them computes them once (about 75 s at a million files, measured for the refresh): reports wait for
 * the migration meanwhile, as they did when they were first made.
 *
 * `refresh_case_report_view(view)` replaces supervision's `refresh_report_summary`: refreshing needs the views'
 * owner; the application's role (which owns nothing) gets this one SECURITY DEFINER function, which refreshes the
 * named views and nothing else.
 */
export class CaseReportViews1796000900000 implements MigrationInterface {
  name = 'CaseReportViews1796000900000';

  async up(q: QueryRunner): Promise<void> {
    for (const v of ['report_stage_durations', 'report_decisions_summary', 'report_files_summary']) await q.query(`drop materialized view if exists ${v}`);

    // Files by office, kind, category, nationality, state and month of submission, with those overdue at refresh.
    // Grouping keys are made non-null (coalesce to ''): CONCURRENTLY needs a unique index on plain columns.
    await q.query(`
      create materialized view report_files_summary as
      select a.office_id,
             a.kind,
             coalesce(a.category, '') as category,
             coalesce(a.nationality::text, '') as nationality,
             a.state,
             to_char(coalesce(a.submitted_at, a.created_at) at time zone 'UTC', 'YYYY-MM') as month,
             count(*)::int as files,
             (count(*) filter (where not a.final and a.due_at < now()))::int as overdue
        from applications a
       group by 1, 2, 3, 4, 5, 6`);
    await q.query(`create unique index report_files_summary_key_idx on report_files_summary (office_id, kind, category, nationality, state, month)`);

    // First-instance decisions: once per decision as 'proposed' (the officer who proposed it) and once per
    // confirming supervisor as 'confirmed'; grant rates by office read the 'proposed' rows only (each decision once).
    await q.query(`
      create materialized view report_decisions_summary as
      select a.office_id,
             a.kind,
             d.officer::uuid as officer_id,
             case when d.ord = 1 then 'proposed' else 'confirmed' end as officer_part,
             to_char((a.first_decision->>'at')::timestamptz at time zone 'UTC', 'YYYY-MM') as month,
             a.first_decision->>'outcome' as outcome,
             count(*)::int as decisions
        from applications a
        cross join lateral jsonb_array_elements_text(a.first_decision->'deciders') with ordinality as d(officer, ord)
       where a.first_decision is not null
       group by 1, 2, 3, 4, 5, 6`);
    await q.query(`create unique index report_decisions_summary_key_idx on report_decisions_summary (office_id, kind, officer_id, officer_part, month, outcome)`);

    // Time spent in each state (a stay ends with the next history row), and from submission to first decision.
    await q.query(`
      create materialized view report_stage_durations as
      with stays as (
        select h.application_id, h.to_state as stage, h.at as entered_at,
               lead(h.at) over (partition by h.application_id order by h.version) as left_at
          from case_history h
      ), timed as (
        select a.office_id, a.kind, s.stage, extract(epoch from (s.left_at - s.entered_at)) / 86400.0 as days
          from stays s join applications a on a.id = s.application_id
         where s.left_at is not null
        union all
        select a.office_id, a.kind, 'submission_to_first_decision',
               extract(epoch from ((a.first_decision->>'at')::timestamptz - a.submitted_at)) / 86400.0
          from applications a
         where a.first_decision is not null and a.submitted_at is not null
      )
      select office_id, kind, stage, count(*)::int as stays,
             percentile_cont(0.5) within group (order by days) as median_days,
             percentile_cont(0.9) within group (order by days) as p90_days
        from timed
       group by 1, 2, 3`);
    await q.query(`create unique index report_stage_durations_key_idx on report_stage_durations (office_id, kind, stage)`);

    await q.query(`
      create function refresh_case_report_view(view_name text) returns void
      language plpgsql security definer set search_path = public as $$
      begin
        if view_name not in ('report_files_summary', 'report_decisions_summary', 'report_stage_durations') then
          raise exception 'not a case report view: %', view_name;
        end if;
        execute format('refresh materialized view concurrently %I', view_name);
      end $$`);
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant execute on function refresh_case_report_view(text) to masar_app;
          grant select on report_files_summary, report_decisions_summary, report_stage_durations to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The views stay: they have the same names and definitions as those the supervision migration made (and drops in
    // its own down); only the cases refresh function goes.
    await q.query(`drop function refresh_case_report_view(text)`);
  }
}
