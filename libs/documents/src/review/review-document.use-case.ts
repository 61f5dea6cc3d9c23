import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CommonErrors, DomainError } from '@masar/errors';
import { CaseScopeResolver } from '@masar/identity';
import { mayUpload } from '../access/document-access';
import { CaseFiles } from '../cases-port/case-files.port';
import { DocumentChecklistPort } from '../checklist/document-checklist.port';

export interface ReviewDocumentInput {
  actor: Actor;
  documentId: string;
  decision: 'verify' | 'reject';
  /** Required to reject: the applicant reads it, so it says what is wrong and what to send instead. */
  reason?: string;
}

export const MIN_REJECTION_REASON = 15;

/**
 * A caseworker decides on a document the checks flagged (an expired passport, a date outside the category's rule,
 * the same file under another person). Verifying may complete the checklist, and then the file moves on as it would
 * after an automatic check. Closes the document's open fraud flags either way.
 */
@Injectable()
export class ReviewDocument {
  constructor(
    private readonly files: CaseFiles,
    private readonly scopes: CaseScopeResolver,
    private readonly checklists: DocumentChecklistPort,
    private readonly tx: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  async execute(input: ReviewDocumentInput): Promise<{ status: 'verified' | 'rejected'; fileMovedOn: boolean }> {
    const { actor } = input;
    const [doc] = (await this.tx.dataSource.query(`select application_id from documents where id = $1`, [input.documentId])) as { application_id: string }[];
    if (!doc) throw CommonErrors.notFound('document');
    const file = await this.files.find(doc.application_id);
    if (!file || !mayUpload(actor, await this.scopes.scopeFor(actor), file) || actor.role !== 'caseworker') throw CommonErrors.notFound('document');
    const reason = input.reason?.trim() ?? '';
    if (input.decision === 'reject' && reason.length < MIN_REJECTION_REASON) {
      throw new DomainError('DOCUMENTS_REASON_REQUIRED', 422, 'Reason required', `Say why the document is refused (at least ${MIN_REJECTION_REASON} characters).`);
    }

    return this.tx.run(async (manager) => {
      await manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 7202))`, [file.applicationId]);
      const status = input.decision === 'verify' ? 'verified' : 'rejected';
      // As a CTE so the driver answers rows (TypeORM answers [rows, count] for a bare UPDATE ... RETURNING).
      const updated = (await manager.query(
        `with reviewed as (
           update documents set status = $2, rejection_reason = $3, rejection_detail = $4, reviewed_by = $5
            where id = $1 and status = 'in_review' returning id)
         select id from reviewed`,
        [input.documentId, status, status === 'rejected' ? 'rejected_on_review' : null, status === 'rejected' ? reason : null, actor.userId],
      )) as unknown[];
      if (updated.length === 0) {
        throw new DomainError('DOCUMENTS_NOT_IN_REVIEW', 409, 'Not awaiting review', 'Only a document the checks flagged for review can be reviewed.');
      }
      await manager.query(`update document_fraud_flags set resolved_at = now(), resolved_by = $2 where document_id = $1 and resolved_at is null`, [
        input.documentId,
        actor.userId,
      ]);
      let fileMovedOn = false;
      if (status === 'verified') {
        const checklist = await this.checklists.checklistOf({ applicationId: file.applicationId, kind: file.kind, category: file.category }, manager);
        if (checklist.complete) fileMovedOn = (await this.files.documentsComplete(manager, file.applicationId)).moved;
      }
      await this.audit.record(manager, {
        action: 'document.review',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'document',
        subjectId: input.documentId,
        applicationId: file.applicationId,
        details: { decision: input.decision },
      });
      return { status, fileMovedOn };
    });
  }
}
