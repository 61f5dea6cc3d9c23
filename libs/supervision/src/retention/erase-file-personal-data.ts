import type { EntityManager } from 'typeorm';
import type { EraseDocumentContents } from '@masar/documents';

/** Written in place of a reviewer's free-text comment on an erased file (a disagreement must keep a comment). */
export const ERASED_COMMENT = '[erased under retention]';

export interface FileErasure {
  documents: number;
  letters: number;
}

/**
 * What the documents and letters contexts, and this one, hold about files whose person is being erased, in the
 * caller's transaction: the dates read off the documents and the checks' free-text detail (the documents context's
 * `EraseDocumentContents`), the reviewers' comments on sampled decisions, and the stored bytes of documents and
 * letters, queued for deletion once the transaction has committed unless the same bytes also belong to a file that
 * is kept (storage is content-addressed; a file is kept unless erased here). The rows stay (kind, status, size,
 * dates of upload): they describe the procedure, not the person.
 *
 * The letters context exposes no retention port yet, so its `issued_letters` are read here until it does.
 */
export async function eraseFileContents(m: EntityManager, applicationIds: string[], documents: EraseDocumentContents): Promise<Map<string, FileErasure>> {
  await m.query(`update quality_samples set comment = $2 where application_id = any($1::uuid[]) and comment is not null`, [applicationIds, ERASED_COMMENT]);
  const documentsOf = await documents.forApplications(m, applicationIds);
  const letters: { application_id: string; n: number }[] = await m.query(
    `select application_id, count(*)::int as n from issued_letters where application_id = any($1::uuid[]) group by 1`,
    [applicationIds],
  );
  const letterBlobs: { sha256: string }[] = await m.query(`select distinct sha256 from issued_letters where application_id = any($1::uuid[])`, [applicationIds]);
  const blobs = [...new Set([...(await documents.contentsOf(m, applicationIds)), ...letterBlobs.map((l) => l.sha256)])];
  const otherLetters: { sha256: string; application_id: string }[] = blobs.length
    ? await m.query(`select distinct sha256, application_id from issued_letters where sha256 = any($1::char(64)[]) and application_id <> all($2::uuid[])`, [blobs, applicationIds])
    : [];
  const holders = [...(await documents.otherHolders(m, blobs, applicationIds)), ...otherLetters.map((l) => ({ sha256: l.sha256, applicationId: l.application_id }))];
  await m.query(
    `with kept as (
       select h.sha256 from unnest($2::text[], $3::uuid[]) as h(sha256, application_id)
        where not exists (select 1 from retention_erasures e where e.application_id = h.application_id)
     )
     insert into retention_blob_deletions (sha256)
     select b.sha256 from unnest($1::text[]) as b(sha256) where not exists (select 1 from kept k where k.sha256 = b.sha256)
     on conflict (sha256) do nothing`,
    [blobs, holders.map((h) => h.sha256), holders.map((h) => h.applicationId)],
  );
  const out = new Map<string, FileErasure>(applicationIds.map((id) => [id, { documents: documentsOf.get(id) ?? 0, letters: 0 }]));
  for (const l of letters) out.get(l.application_id)!.letters = l.n;
  return out;
}
