import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of a person's record: which fields, why, by whom, when. The audit trail names the fields too, but it
 * may hold no free text; the reason lives here, with the person (and is erased with the person's data).
 */
export class ApplicantCorrections1796000100003 implements MigrationInterface {
  name = 'ApplicantCorrections1796000100003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table applicant_corrections (
        id uuid primary key default gen_random_uuid(),
        applicant_id uuid not null references applicants(id),
        fields text[] not null,
        reason text not null,
        corrected_by uuid not null,
        corrected_at timestamptz not null default now()
      )`);
    await q.query(`create index applicant_corrections_applicant_idx on applicant_corrections (applicant_id, corrected_at)`);
    await q.query(`alter table applicants add column erased_at timestamptz`);
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant select, insert, update, delete on applicant_corrections to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table applicants drop column erased_at`);
    await q.query(`drop table applicant_corrections`);
  }
}
