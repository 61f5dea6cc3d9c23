import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '@masar/access';
import { CaseFiles, type FileForDocuments } from '@masar/documents';
import { PerformTransition } from '../transitions/perform-transition.use-case';

/** The states in which a file waits for the applicant's documents, per workflow. */
const WAITING_FOR_DOCUMENTS = new Set(['awaiting_documents']);

/** The cases context as the documents context sees it (its `CaseFiles` port): ids and codes, no personal data. */
@Injectable()
export class CaseFilesAdapter extends CaseFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: PerformTransition,
  ) {
    super();
  }

  async find(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<FileForDocuments | null> {
    if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null;
    const [row]: { id: string; applicant_id: string; office_id: string; user_id: string | null; kind: FileForDocuments['kind']; category: string | null; day: string; appeal: boolean }[] =
      await manager.query(
        `select a.id, a.applicant_id, a.office_id, p.user_id, a.kind, a.category,
                to_char(coalesce(a.submitted_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD') as day,
                a.appeal_office_id is not null as appeal
           from applications a join applicants p on p.id = a.applicant_id where a.id = $1`,
        [applicationId],
      );
    if (!row) return null;
    return {
      applicationId: row.id,
      personId: row.applicant_id,
      officeId: row.office_id,
      applicantUserId: row.user_id,
      kind: row.kind,
      category: row.category,
      applicationDate: row.day,
      beforeAppealBody: row.appeal,
    };
  }

  async documentsComplete(manager: EntityManager, applicationId: string): Promise<{ moved: boolean; state?: string }> {
    const [row]: { state: string }[] = await manager.query(`select state from applications where id = $1 for update`, [applicationId]);
    if (!row) return { moved: false };
    if (!WAITING_FOR_DOCUMENTS.has(row.state)) return { moved: false, state: row.state };
    const result = await this.transitions.within(manager, SYSTEM_ACTOR, applicationId, { action: 'documents_received' });
    return { moved: true, state: result.state };
  }
}
