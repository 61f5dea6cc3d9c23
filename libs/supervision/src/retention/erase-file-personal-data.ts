import type { EntityManager } from 'typeorm';

/** Written in place of a reviewer's free-text comment on an erased file (a disagreement must keep a comment). */
export const ERASED_COMMENT = '[erased under retention]';

export interface FileErasure {
  documents: number;
  letters: number;
}

/**
 * What the documents and letters contexts, and this one, hold about files whose person is being erased, in the
 * caller's transaction: the dates read off the documents and the checks' free-text detail, the reviewers' comments
 * on sampled decisions, and the stored bytes of documents and letters, queued for deletion once the transaction has
 * committed (unless the same bytes also belong to a file that is kept: storage is content-addressed). The rows stay
 * (kind, status, size, dates of upload): they describe the procedure, not the person.
 *
 * The documents and letters contexts expose no erasure use case yet (cases does: `EraseApplicantData`;
 * notifications: `EraseNotifications`), so the SQL on their tables is kept together here until they do.
 */
export async function eraseFileContents(m: EntityManager, applicationIds: string[]): Promise<Map<string, FileErasure>> {
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
