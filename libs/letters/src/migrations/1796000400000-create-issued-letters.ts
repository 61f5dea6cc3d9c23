import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The letters Masar has issued for a file: which letter, in which language, and where its bytes are (the SHA-256
 * address in document storage). One receipt per file and one letter per decision, enforced by the database, so a
 * job that runs twice issues one letter.
 */
export class CreateIssuedLetters1796000400000 implements MigrationInterface {
  name = 'CreateIssuedLetters1796000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table issued_letters (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        kind text not null check (kind in ('receipt', 'decision')),
        decision_id uuid references case_history(id),
        language text not null check (language in ('ar', 'fr', 'en', 'es')),
        sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes int not null check (size_bytes > 0),
        issued_at timestamptz not null default now(),
        constraint a_decision_letter_names_its_decision check ((kind = 'decision') = (decision_id is not null))
      )`);
    await q.query(`create unique index issued_letters_one_receipt_idx on issued_letters (application_id) where kind = 'receipt'`);
    await q.query(`create unique index issued_letters_one_per_decision_idx on issued_letters (decision_id) where kind = 'decision'`);
    await q.query(`create index issued_letters_application_idx on issued_letters (application_id, issued_at)`);
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant select, insert on issued_letters to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table issued_letters`);
  }
}
