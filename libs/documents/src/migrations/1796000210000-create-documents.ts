import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents of a file, the result of their checks, and the fraud-review flags. No foreign key to the cases
 * tables: another context owns them, and this context only ever receives an application id it was given by the
 * cases port (the same reason the cases context does not reach into these tables).
 */
export class CreateDocuments1796000210000 implements MigrationInterface {
  name = 'CreateDocuments1796000210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table documents (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null,
        -- The person the file is about: "the same file submitted for another person" compares this.
        person_id uuid not null,
        kind text not null check (kind in ('identity_document', 'photo', 'proof_of_entry', 'proof_of_residence',
          'marriage_certificate', 'work_contract', 'medical_certificate', 'criminal_record_extract', 'proof_of_address',
          'proof_of_means')),
        content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
        sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint not null check (size_bytes > 0),
        issued_on date,
        expires_on date,
        status text not null default 'pending_check'
          check (status in ('pending_check', 'verified', 'in_review', 'rejected')),
        -- A stable code ('pdf_encrypted', 'malware_found', ...) the applicant's screen translates, and its sentence.
        rejection_reason text,
        rejection_detail text,
        uploaded_by uuid not null,
        uploaded_by_role text not null,
        uploaded_at timestamptz not null default now(),
        checked_at timestamptz,
        reviewed_by uuid,
        constraint rejected_has_reason check ((status = 'rejected') = (rejection_reason is not null))
      )`);
    // The checklist of a file and the per-file count limit both read by application.
    await q.query(`create index documents_application_idx on documents (application_id, kind, status)`);
    // The duplicate-file check looks for the same bytes under another person.
    await q.query(`create index documents_sha256_idx on documents (sha256, person_id)`);

    // One row per document: the primary key makes the result recorded once, however often the job runs.
    await q.query(`
      create table document_check_results (
        document_id uuid primary key references documents(id) on delete cascade,
        verdict text not null check (verdict in ('verified', 'in_review', 'rejected')),
        findings jsonb not null,
        checked_at timestamptz not null default now()
      )`);

    await q.query(`
      create table document_fraud_flags (
        id uuid primary key default gen_random_uuid(),
        document_id uuid not null references documents(id) on delete cascade,
        application_id uuid not null,
        reason text not null check (reason in ('same_file_other_person')),
        -- The earlier document with the same bytes, under another person.
        other_document_id uuid not null references documents(id) on delete cascade,
        flagged_at timestamptz not null default now(),
        resolved_at timestamptz,
        resolved_by uuid,
        unique (document_id, reason, other_document_id)
      )`);
    await q.query(`create index document_fraud_flags_open_idx on document_fraud_flags (flagged_at) where resolved_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table document_fraud_flags`);
    await q.query(`drop table document_check_results`);
    await q.query(`drop table documents`);
  }
}
