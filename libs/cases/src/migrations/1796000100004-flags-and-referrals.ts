import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flags a caseworker raises on a file (indicators of trafficking, a vulnerable person) and referrals of the person
 * to protection and to the services of the national strategy (health, education, employment, housing, training,
 * culture), each with the consent it was given on.
 */
export class FlagsAndReferrals1796000100004 implements MigrationInterface {
  name = 'FlagsAndReferrals1796000100004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table case_flags (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        kind text not null check (kind in ('trafficking_indicators', 'vulnerable_person')),
        note text,
        raised_by uuid not null,
        raised_at timestamptz not null default now(),
        cleared_by uuid,
        cleared_at timestamptz,
        clear_reason text
      )`);
    await q.query(`create unique index case_flags_open_idx on case_flags (application_id, kind) where cleared_at is null`);
    await q.query(`create index case_flags_kind_idx on case_flags (kind, application_id) where cleared_at is null`);
    await q.query(`
      create table case_referrals (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        service text not null check (service in ('protection', 'health', 'education', 'employment', 'housing', 'training', 'culture')),
        consent_given_on date not null,
        note text,
        referred_by uuid not null,
        referred_at timestamptz not null default now()
      )`);
    await q.query(`create index case_referrals_application_idx on case_referrals (application_id)`);
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant select, insert, update, delete on case_flags, case_referrals to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table case_referrals`);
    await q.query(`drop table case_flags`);
  }
}
