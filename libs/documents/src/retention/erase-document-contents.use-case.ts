import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Retention: what this context holds about the person in files being erased, in the caller's transaction (the
 * supervision context's retention sweep). The dates read off the documents and the checks' free-text detail are
 * erased; the rows stay (kind, status, size, dates of upload: they describe the procedure, not the person). The
 * stored bytes are the caller's to delete after its commit, and only where no kept file holds the same bytes
 * (storage is content-addressed): `contentsOf` and `otherHolders` say which.
 */
@Injectable()
export class EraseDocumentContents {
  /** Erases the files' documents' personal contents; the number of documents per file (every file asked has an entry). */
  async forApplications(manager: EntityManager, applicationIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>(applicationIds.map((id) => [id, 0]));
    if (applicationIds.length === 0) return out;
    const erased: { application_id: string; n: number }[] = await manager.query(
      `with erased as (
         update documents set issued_on = null, expires_on = null, rejection_detail = null
          where application_id = any($1::uuid[]) returning application_id)
       select application_id, count(*)::int as n from erased group by 1`,
      [applicationIds],
    );
    for (const e of erased) out.set(e.application_id, e.n);
    return out;
  }

  /** The stored contents (sha256) of the files' documents, each once. */
  async contentsOf(manager: EntityManager, applicationIds: string[]): Promise<string[]> {
    const rows: { sha256: string }[] = await manager.query(`select distinct sha256 from documents where application_id = any($1::uuid[])`, [applicationIds]);
    return rows.map((r) => r.sha256);
  }

  /** The other files (outside `applicationIds`) whose documents hold one of these contents. */
  async otherHolders(manager: EntityManager, sha256s: string[], applicationIds: string[]): Promise<{ sha256: string; applicationId: string }[]> {
    if (sha256s.length === 0) return [];
    const rows: { sha256: string; application_id: string }[] = await manager.query(
      `select distinct sha256, application_id from documents where sha256 = any($1::char(64)[]) and application_id <> all($2::uuid[])`,
      [sha256s, applicationIds],
    );
    return rows.map((r) => ({ sha256: r.sha256, applicationId: r.application_id }));
  }
}
