import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision: the materialised report summaries, the weekly quality samples, legal holds and the record of
 * retention erasures (with the stored bytes still to delete).
 *
 * The summaries are materialised views over the cases tables, refreshed CONCURRENTLY by the worker
 * ('supervision.reports-refresh'), so reports read a few thousand pre-aggregated rows however many files there are,
 * and a refresh never blocks a reader. CONCURRENTLY needs a unique index on plain columns: every grouping key is
 * made non-null (coalesce to '') for that reason. They hold counts and durations only, never a person.
 *
 * An erased file keeps its row in `applications` (office, kind, category, nationality, states, dates, outcome):
 * anonymised rows still count, so the statistics keep their figures after the retention sweep.
 */
export class CreateSupervision1796000700000 implements MigrationInterface {
  name = 'CreateSupervision1796000700000';

  async up(q: QueryRunner): Promise<void> {
    // Files by office, kind, category, nationality, state and month of submission, with those overdue at refresh.
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

    // Refreshing needs the views' owner; the application's role (which must not own tables, see the audit README)
    // gets this one function instead, which refreshes the named summaries and nothing else.
    await q.query(`
      create function refresh_report_summary(summary text) returns void
      language plpgsql security definer set search_path = public as $$
      begin
        if summary not in ('report_files_summary', 'report_decisions_summary', 'report_stage_durations') then
          raise exception 'not a report summary: %', summary;
        end if;
        execute format('refresh materialized view concurrently %I', summary);
      end $$`);
    await q.query(`
      create table report_refreshes (
        summary text primary key,
        refreshed_at timestamptz not null,
        duration_ms int not null
      )`);
    await q.query(`insert into report_refreshes (summary, refreshed_at, duration_ms)
      values ('report_files_summary', now(), 0), ('report_decisions_summary', now(), 0), ('report_stage_durations', now(), 0)`);

    // Quality sampling: one run per ISO week, one sample per (week, decision) whatever happens to the job.
    await q.query(`
      create table quality_sampling_runs (
        week text primary key check (week ~ '^[0-9]{4}-W[0-9]{2}$'),
        share numeric not null check (share > 0 and share <= 1),
        decisions int not null,
        sampled int not null,
        drawn_at timestamptz not null default now()
      )`);
    await q.query(`
      create table quality_samples (
        id uuid primary key default gen_random_uuid(),
        week text not null references quality_sampling_runs(week),
        decision_id uuid not null references case_history(id),
        application_id uuid not null references applications(id),
        -- The office that decided (the national commission for an appeal decision): the reviewers' scope.
        office_id uuid not null references offices(id),
        officer_id uuid not null references users(id),
        deciders uuid[] not null,
        instance text not null check (instance in ('first', 'appeal')),
        outcome text not null check (outcome in ('favourable', 'unfavourable')),
        decided_at timestamptz not null,
        reviewer_id uuid references users(id),
        finding text check (finding in ('agree', 'disagree')),
        comment text check (length(comment) <= 4000),
        reviewed_at timestamptz,
        unique (week, decision_id),
        constraint quality_samples_finding_complete check ((finding is null) = (reviewed_at is null) and (finding is null) = (reviewer_id is null)),
        constraint quality_samples_disagreement_explained check (finding is distinct from 'disagree' or length(comment) >= 15)
      )`);
    await q.query(`create index quality_samples_office_week_idx on quality_samples (office_id, week, decided_at)`);
    await q.query(`create index quality_samples_application_idx on quality_samples (application_id)`);

    await q.query(`
      create table legal_holds (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        reason text not null check (length(reason) between 15 and 2000),
        set_by uuid not null references users(id),
        set_at timestamptz not null default now(),
        released_by uuid references users(id),
        released_at timestamptz,
        release_reason text check (length(release_reason) <= 2000),
        constraint legal_holds_release_complete check ((released_at is null) = (released_by is null))
      )`);
    await q.query(`create unique index legal_holds_active_idx on legal_holds (application_id) where released_at is null`);

    await q.query(`
      create table retention_erasures (
        application_id uuid primary key references applications(id),
        applicant_id uuid not null references applicants(id),
        kind text not null,
        closed_at timestamptz not null,
        retention_years int not null,
        erased_at timestamptz not null default now(),
        documents int not null,
        letters int not null,
        notifications int not null
      )`);
    // Stored bytes (documents, letters) to delete once the erasure committed; a crash between the commit and the
    // unlink leaves a row here that the next sweep finishes. Content-addressed: one row per blob.
    await q.query(`
      create table retention_blob_deletions (
        sha256 char(64) primary key check (sha256 ~ '^[0-9a-f]{64}$'),
        queued_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await q.query(`create index retention_blob_deletions_pending_idx on retention_blob_deletions (queued_at) where deleted_at is null`);

    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant execute on function refresh_report_summary(text) to masar_app;
          grant select on report_files_summary, report_decisions_summary, report_stage_durations to masar_app;
          grant select, insert, update on report_refreshes, quality_sampling_runs, quality_samples, legal_holds,
            retention_erasures, retention_blob_deletions to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['retention_blob_deletions', 'retention_erasures', 'legal_holds', 'quality_samples', 'quality_sampling_runs', 'report_refreshes']) {
      await q.query(`drop table ${t}`);
    }
    await q.query(`drop function refresh_report_summary(text)`);
    for (const v of ['report_stage_durations', 'report_decisions_summary', 'report_files_summary']) await q.query(`drop materialized view ${v}`);
  }
}
