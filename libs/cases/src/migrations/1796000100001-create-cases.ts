import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases context's tables. Personal values that identify or expose a person (document numbers, date of birth,
 * contact details, address, eligibility facts that include health) are stored encrypted by the application
 * (`*_enc`, with the key id inside the envelope); what must be searched is stored as a keyed blind index (document
 * numbers) or as a non-reversible matching key (name skeletons, year of birth).
 *
 * The work-queue indexes follow the queue's queries: one office (or assignee, or appeal body), open files only,
 * ordered by (due_at, id) for keyset pagination. `due_at` is 'infinity' for a file with no running clock, so the
 * order and the keyset comparison need no NULL handling.
 */
export class CreateCases1796000100001 implements MigrationInterface {
  name = 'CreateCases1796000100001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists pg_trgm`);
    await q.query(`create extension if not exists fuzzystrmatch`);

    await q.query(`
      create table applicants (
        id uuid primary key default gen_random_uuid(),
        latin_name text,
        arabic_name text,
        -- Consonant skeletons of the names in each script (see name-skeleton.ts), for duplicate search.
        name_keys text[] not null default '{}',
        name_skeleton text not null default '',
        birth_year int check (birth_year between 1900 and 2100),
        birth_date_enc text,
        sex text check (sex in ('female', 'male')),
        nationality char(2) check (nationality ~ '^[A-Z]{2}$'),
        phone_enc text,
        email_enc text,
        address_enc text,
        preferred_language text not null default 'fr' check (preferred_language in ('ar', 'fr', 'en', 'es')),
        user_id uuid references users(id),
        merged_into_id uuid references applicants(id),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint applicant_has_a_name check (latin_name is not null or arabic_name is not null)
      )`);
    await q.query(`create index applicants_birth_nationality_idx on applicants (nationality, birth_year) where merged_into_id is null`);
    await q.query(`create index applicants_name_keys_idx on applicants using gin (name_keys) where merged_into_id is null`);
    await q.query(`create index applicants_name_trgm_idx on applicants using gin (name_skeleton gin_trgm_ops) where merged_into_id is null`);
    await q.query(`create index applicants_user_idx on applicants (user_id) where user_id is not null`);

    await q.query(`
      create table applicant_identity_documents (
        id uuid primary key default gen_random_uuid(),
        applicant_id uuid not null references applicants(id),
        type text not null check (type in ('passport', 'national_id', 'consular_card', 'travel_document', 'residence_card', 'other')),
        number_enc text not null,
        number_index char(64) not null,
        issuing_country char(2) check (issuing_country ~ '^[A-Z]{2}$'),
        expires_on date,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index applicant_identity_documents_number_idx on applicant_identity_documents (number_index)`);
    await q.query(`create index applicant_identity_documents_applicant_idx on applicant_identity_documents (applicant_id)`);

    await q.query(`
      create table applicant_merges (
        id uuid primary key default gen_random_uuid(),
        survivor_id uuid not null references applicants(id),
        merged_id uuid not null references applicants(id),
        reason text not null,
        moved_application_ids uuid[] not null,
        moved_document_ids uuid[] not null,
        merged_by uuid not null,
        merged_at timestamptz not null default now(),
        undone_by uuid,
        undone_at timestamptz,
        undo_reason text,
        check (survivor_id <> merged_id)
      )`);
    await q.query(`create unique index applicant_merges_active_idx on applicant_merges (merged_id) where undone_at is null`);

    await q.query(`
      create table applications (
        id uuid primary key default gen_random_uuid(),
        reference text not null unique,
        access_code_hash char(64) not null,
        kind text not null check (kind in ('regularisation', 'asylum', 'renewal')),
        category text,
        criteria_version text,
        modality text check (modality in ('regular', 'accelerated', 'simplified')),
        eligibility_facts_enc text,
        applicant_id uuid not null references applicants(id),
        office_id uuid not null references offices(id),
        appeal_office_id uuid references offices(id),
        nationality char(2),
        state text not null,
        final boolean not null default false,
        version int not null default 1,
        assignee_id uuid references users(id),
        assigned_at timestamptz,
        due_at timestamptz not null default 'infinity',
        proposal jsonb,
        first_decision jsonb,
        interview jsonb,
        interview_held_at timestamptz,
        card_expires_on date,
        linked_application_id uuid references applications(id),
        merged_into_application_id uuid references applications(id),
        submitted_at timestamptz,
        decided_at timestamptz,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint regularisation_has_category check (kind <> 'regularisation' or (category is not null and criteria_version is not null))
      )`);
    // Work queues: "my office" / "overdue" / "due this week" (a range on due_at) and keyset pages on (due_at, id).
    await q.query(`create index applications_office_queue_idx on applications (office_id, due_at, id) where not final`);
    await q.query(`create index applications_office_unassigned_idx on applications (office_id, due_at, id) where not final and assignee_id is null`);
    await q.query(`create index applications_assignee_queue_idx on applications (assignee_id, due_at, id) where not final`);
    await q.query(`create index applications_awaiting_confirmation_idx on applications (office_id, due_at, id) where not final and proposal is not null`);
    await q.query(`create index applications_appeal_queue_idx on applications (appeal_office_id, due_at, id) where appeal_office_id is not null and not final`);
    await q.query(`create index applications_office_state_idx on applications (office_id, state, due_at, id)`);
    await q.query(`create index applications_applicant_idx on applications (applicant_id)`);
    // The review worklist after new criteria: refused regularisation files by the version applied.
    await q.query(`create index applications_refused_criteria_idx on applications (criteria_version) where kind = 'regularisation' and first_decision->>'outcome' = 'unfavourable'`);

    await q.query(`
      create table case_history (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        version int not null,
        action text not null,
        from_state text,
        to_state text not null,
        actor_id uuid not null,
        actor_role text not null,
        reason text,
        data jsonb not null default '{}',
        at timestamptz not null default now(),
        unique (application_id, version)
      )`);

    await q.query(`
      create table case_notes (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        author_id uuid not null,
        body text not null check (length(body) between 1 and 4000),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index case_notes_application_idx on case_notes (application_id, created_at)`);

    // What the applicant is told about (one row per event); notifications and the status page read from the ids.
    await q.query(`
      create table case_events (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        history_id uuid references case_history(id),
        type text not null,
        params jsonb not null default '{}',
        notification_id uuid,
        occurred_at timestamptz not null default now(),
        occurrence_key text not null,
        unique (application_id, type, occurrence_key)
      )`);

    await q.query(`
      create table case_deadlines (
        id uuid primary key default gen_random_uuid(),
        application_id uuid not null references applications(id),
        clock text not null,
        started_at timestamptz not null,
        due_at timestamptz not null,
        milestones jsonb not null,
        fired text[] not null default '{}',
        next_at timestamptz,
        stopped_at timestamptz,
        escalated_at timestamptz
      )`);
    await q.query(`create unique index case_deadlines_running_idx on case_deadlines (application_id, clock) where stopped_at is null`);
    await q.query(`create index case_deadlines_next_idx on case_deadlines (next_at) where stopped_at is null and next_at is not null`);

    await q.query(`
      create table criteria_publications (
        id uuid primary key default gen_random_uuid(),
        criteria_version text not null unique,
        published_by uuid not null,
        published_at timestamptz not null default now()
      )`);
    await q.query(`
      create table criteria_review_items (
        id uuid primary key default gen_random_uuid(),
        publication_id uuid not null references criteria_publications(id),
        application_id uuid not null references applications(id),
        previous_version text not null,
        suggested_category text not null,
        office_id uuid not null,
        resolved_at timestamptz,
        resolved_by uuid,
        unique (publication_id, application_id)
      )`);
    await q.query(`create index criteria_review_items_office_idx on criteria_review_items (office_id) where resolved_at is null`);

    // The application's role (created by the audit migration) needs ordinary rights on these tables.
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant select, insert, update, delete on applicants, applicant_identity_documents, applicant_merges, applications,
            case_history, case_notes, case_events, case_deadlines, criteria_publications, criteria_review_items to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'criteria_review_items',
      'criteria_publications',
      'case_deadlines',
      'case_events',
      'case_notes',
      'case_history',
      'applications',
      'applicant_merges',
      'applicant_identity_documents',
      'applicants',
    ]) {
      await q.query(`drop table ${t}`);
    }
  }
}
