import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import batches of campaign offices: the batch (one per office and file content), its staged rows (already sealed
 * with the cases context's keys: no plain date of birth, contact or document number), the problems of the rows
 * that could not be staged, and what became of each staged row (a file with its receipt, or a review).
 */
export class CreateIntake1796000800000 implements MigrationInterface {
  name = 'CreateIntake1796000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table intake_batches (
        id uuid primary key,
        office_id uuid not null references offices(id),
        uploaded_by uuid not null,
        uploaded_by_role text not null,
        file_sha256 char(64) not null,
        file_name text,
        file_bytes bigint not null,
        criteria_version text not null,
        status text not null check (status in ('importing', 'completed')),
        rows_received int not null,
        rows_invalid int not null,
        rows_staged int not null,
        rows_imported int not null default 0,
        rows_for_review int not null default 0,
        -- Progress: every staged line up to this one has its result, committed with it.
        imported_through_line int not null default 0,
        chunks_done int not null default 0,
        receipts_taken_at timestamptz,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        completed_at timestamptz,
        unique (office_id, file_sha256)
      )`);
    await q.query(`create index intake_batches_office_idx on intake_batches (office_id, created_at desc)`);
    await q.query(`
      create table intake_rows (
        -- No foreign key: the rows are COPYed before their batch row exists (its hash is known at the end of the
        -- stream), in the same transaction; a per-row check would cost as much as the COPY.
        batch_id uuid not null,
        line int not null,
        latin_name text,
        arabic_name text,
        name_skeleton text not null,
        birth_year int not null,
        birth_date_enc text not null,
        sex text,
        nationality char(2) not null,
        phone_enc text,
        email_enc text,
        preferred_language text not null,
        document_type text not null,
        document_number_enc text not null,
        document_index char(64) not null,
        issuing_country char(2),
        category text not null,
        primary key (batch_id, line)
      )`);
    await q.query(`
      create table intake_row_errors (
        batch_id uuid not null references intake_batches(id),
        line int not null,
        column_name text not null,
        code text not null
      )`);
    await q.query(`create index intake_row_errors_batch_idx on intake_row_errors (batch_id, line)`);
    await q.query(`
      create table intake_results (
        batch_id uuid not null references intake_batches(id),
        line int not null,
        outcome text not null check (outcome in ('imported', 'review')),
        applicant_id uuid,
        application_id uuid,
        reference text,
        -- Sealed with the cases context's key until the uploader takes the receipts, then erased.
        access_code_enc text,
        candidate_ids uuid[],
        candidate_lines int[],
        matched_on text[],
        primary key (batch_id, line)
      )`);
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant select, insert, update, delete on intake_batches, intake_rows, intake_row_errors, intake_results to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table intake_results`);
    await q.query(`drop table intake_row_errors`);
    await q.query(`drop table intake_rows`);
    await q.query(`drop table intake_batches`);
  }
}
