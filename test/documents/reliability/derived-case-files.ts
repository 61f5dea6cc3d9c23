import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CaseFiles, type FileForDocuments } from '@masar/documents';

/**
 * The `CaseFiles` port for the kill test, where files exist only as ids: every fact is derived from the id, and
 * moving a file on is a row in `killtest_moves` written in the caller's transaction. The state guard reads that
 * table, so a file moved twice would show as two rows: exactly what the test counts.
 */
export class DerivedCaseFiles extends CaseFiles {
  async find(applicationId: string): Promise<FileForDocuments> {
    return {
      applicationId,
      personId: uuidFrom(`person:${applicationId}`),
      officeId: uuidFrom('office'),
      applicantUserId: null,
      kind: 'regularisation',
      category: 'residence_five_years',
      applicationDate: '2017-03-01',
      beforeAppealBody: false,
    };
  }

  async documentsComplete(manager: EntityManager, applicationId: string): Promise<{ moved: boolean; state?: string }> {
    const [{ n }] = (await manager.query(`select count(*)::int as n from killtest_moves where application_id = $1`, [applicationId])) as { n: number }[];
    if (n > 0) return { moved: false, state: 'completeness_check' };
    await manager.query(`insert into killtest_moves (application_id) values ($1)`, [applicationId]);
    return { moved: true, state: 'completeness_check' };
  }
}

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
