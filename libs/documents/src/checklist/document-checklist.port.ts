import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { buildChecklist, documentsAnswer, type Checklist, type ChecklistDocument } from './checklist';
import { requiredDocuments, type ApplicationKind } from './checklist-rules';

/** A file as the checklist needs it: the caller (the cases context) already knows its kind and category. */
export interface ChecklistSubject {
  applicationId: string;
  kind: ApplicationKind;
  category: string | null;
}

/** What the cases context's "documents present and verified" guard reads: required kinds missing, and not verified. */
export interface DocumentsAnswer {
  missing: string[];
  unverified: string[];
}

/**
 * The port the cases context uses for its guard. Given the file's kind and category it answers from this context's
 * tables, inside the caller's transaction when one is passed (so a transition sees the checklist it commits with).
 */
export abstract class DocumentChecklistPort {
  abstract answerFor(subject: ChecklistSubject, manager?: EntityManager): Promise<DocumentsAnswer>;
  abstract checklistOf(subject: ChecklistSubject, manager?: EntityManager): Promise<Checklist>;
}

@Injectable()
export class DocumentChecklistReader extends DocumentChecklistPort {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async answerFor(subject: ChecklistSubject, manager?: EntityManager): Promise<DocumentsAnswer> {
    return documentsAnswer(await this.checklistOf(subject, manager));
  }

  async checklistOf(subject: ChecklistSubject, manager: EntityManager = this.dataSource.manager): Promise<Checklist> {
    const rows = (await manager.query(
      `select id, kind, status, rejection_reason, rejection_detail, uploaded_at from documents where application_id = $1`,
      [subject.applicationId],
    )) as { id: string; kind: ChecklistDocument['kind']; status: ChecklistDocument['status']; rejection_reason: string | null; rejection_detail: string | null; uploaded_at: Date }[];
    return buildChecklist(
      requiredDocuments(subject.kind, subject.category),
      rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, rejectionReason: r.rejection_reason, rejectionDetail: r.rejection_detail, uploadedAt: r.uploaded_at })),
    );
  }
}
