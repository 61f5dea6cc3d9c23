import type { EntityManager } from 'typeorm';

/** Written in place of a person's name: the row must keep a name (a check of the cases schema), not theirs. */
export const ERASED_NAME = '[erased]';
/** Written in place of a reviewer's free-text comment on an erased file (a disagreement must keep a comment). */
export const ERASED_COMMENT = '[erased under retention]';

export interface FileErasure {
  documents: number;
  letters: number;
}

/**
 * What a file holds about a person, erased in the caller's transaction: free texts written about them (reasons,
 * notes, interview details, what they were told), their eligibility facts (health among them), the dates read
 * off their documents, and the stored bytes of their documents and letters (queued for deletion after commit,
 * unless the same bytes also belong to a file that is kept). What stays is what the statistics count: office,
 * kind, category, nationality, states and dates of the procedure, the outcome and who decided (staff ids).
 *
 * This reaches into the cases, documents and letters tables, which those contexts own: retention is the one job
 * that cuts across all of them, and until each of them exposes an erasure use case (as notifications does with
 * `EraseNotifications`), the SQL that does it is kept together here.
 */
export async function eraseFilePersonalData(m: EntityManager, applicationIds: string[]): Promise<Map<string, FileErasure>> {
  await m.query(`update case_history set reason = null, data = '{}'::jsonb where application_id = any($1::uuid[])`, [applicationIds]);
  await m.query(`delete from case_notes where application_id = any($1::uuid[])`, [applicationIds]);
  await m.query(`update case_events set params = '{"erased": true}'::jsonb where application_id = any($1::uuid[])`, [applicationIds]);
  await m.query(
    `update applications
        set eligibility_facts_enc = null, interview = null,
            proposal = case when proposal is null then null else proposal - 'reason' end,
            first_decision = case when first_decision is null then null else first_decision - 'reason' end
      where id = any($1::uuid[])`,
    [applicationIds],
  );
  await m.query(`update quality_samples set comment = $2 where application_id = any($1::uuid[]) and comment is not null`, [applicationIds, ERASED_COMMENT]);

  const documents: { application_id: string; n: number }[] = await m.query(
    `with erased as (
       update documents set issued_on = null, expires_on = null, rejection_detail = null
        where application_id = any($1::uuid[]) returning application_id)
     select application_id, count(*)::int as n from erased group by 1`,
    [applicationIds],
  );
  const letters: { application_id: string; n: number }[] = await m.query(
    `select application_id, count(*)::int as n from issued_letters where application_id = any($1::uuid[]) group by 1`,
    [applicationIds],
  );
  // Content-addressed storage: the same bytes may also belong to a file that is kept; those stay.
  await m.query(
    `with blobs as (
       select sha256 from documents where application_id = any($1::uuid[])
       union
       select sha256 from issued_letters where application_id = any($1::uuid[])
     ), kept as (
       select d.sha256 from documents d
        where d.application_id <> all($1::uuid[])
          and not exists (select 1 from retention_erasures e where e.application_id = d.application_id)
       union
       select l.sha256 from issued_letters l
        where l.application_id <> all($1::uuid[])
          and not exists (select 1 from retention_erasures e where e.application_id = l.application_id)
     )
     insert into retention_blob_deletions (sha256)
     select b.sha256 from blobs b where not exists (select 1 from kept k where k.sha256 = b.sha256)
     on conflict (sha256) do nothing`,
    [applicationIds],
  );

  const out = new Map<string, FileErasure>(applicationIds.map((id) => [id, { documents: 0, letters: 0 }]));
  for (const d of documents) out.get(d.application_id)!.documents = d.n;
  for (const l of letters) out.get(l.application_id)!.letters = l.n;
  return out;
}

/**
 * The person behind erased files, once none of their files is kept any more: names, matching keys, encrypted
 * identifiers and contact details, identity documents, and the link to their sign-in account. Returns the
 * applicants erased. A person with a file still kept (open, held, or within retention) keeps their record.
 */
export async function erasePersonsWithoutKeptFiles(m: EntityManager, applicantIds: string[]): Promise<string[]> {
  const persons: { id: string }[] = await m.query(
    `select p.id from applicants p
      where p.id = any($1::uuid[])
        and p.latin_name is distinct from $2
        and not exists (
          select 1 from applications a
           where (a.applicant_id = p.id or a.applicant_id in (select id from applicants where merged_into_id = p.id))
             and not exists (select 1 from retention_erasures e where e.application_id = a.id))`,
    [applicantIds, ERASED_NAME],
  );
  if (persons.length === 0) return [];
  // Records merged into an erased person are the same person: they go with it.
  const merged: { id: string }[] = await m.query(`select id from applicants where merged_into_id = any($1::uuid[])`, [persons.map((p) => p.id)]);
  const ids = [...persons, ...merged].map((p) => p.id);
  await m.query(`delete from applicant_identity_documents where applicant_id = any($1::uuid[])`, [ids]);
  await m.query(
    `update applicants
        set latin_name = $2, arabic_name = null, name_keys = '{}', name_skeleton = '', birth_year = null, birth_date_enc = null,
            sex = null, nationality = null, phone_enc = null, email_enc = null, address_enc = null, user_id = null, updated_at = now()
      where id = any($1::uuid[])`,
    [ids, ERASED_NAME],
  );
  return ids;
}
