import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report summaries are the cases context's now (its migration 1796000900000 re-created them, with its own
 * refresh function); supervision refreshes them through `CaseStatistics`, so its own refresh function goes.
 * `report_refreshes` stays here: it records when this context's job refreshed them, which the reports show.
 */
export class RefreshThroughCases1796000900001 implements MigrationInterface {
  name = 'RefreshThroughCases1796000900001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`drop function refresh_report_summary(text)`);
  }

  async down(q: QueryRunner): Promise<void> {
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
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant execute on function refresh_report_summary(text) to masar_app;
        end if;
      end $$`);
  }
}
