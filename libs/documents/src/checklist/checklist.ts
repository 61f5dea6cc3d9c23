import { datesNeeded, type DocumentDates } from '../checks/dates.check';
import type { DocumentStatus } from '../persistence/document.entity';
import type { RequiredDocument } from './checklist-rules';
import type { DocumentKind } from './document-kinds';

/** What the applicant and the caseworker see per document of the checklist. */
export type ChecklistStatus = 'missing' | 'pending_check' | 'verified' | 'rejected';

export interface ChecklistDocument {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  rejectionReason: string | null;
  rejectionDetail: string | null;
  uploadedAt: Date;
}

export interface ChecklistItem {
  kind: DocumentKind;
  required: boolean;
  status: ChecklistStatus;
  /** A person must look at it (a date or duplicate flag); shown as pending check meanwhile. */
  inReview: boolean;
  /** For a rejected item: the latest rejection's code and sentence. */
  reason: string | null;
  detail: string | null;
  documentIds: string[];
  /** The dates to record with an upload of this kind, for the date checks of the file's category. */
  datesNeeded: (keyof DocumentDates)[];
}

export interface Checklist {
  items: ChecklistItem[];
  /** Every required document is there and verified: the file can move on. */
  complete: boolean;
}

/**
 * The checklist of a file from its documents. Several uploads of one kind are normal (a blurred photo replaced by a
 * sharp one): one verified upload satisfies the kind; otherwise one still being checked keeps it pending; only
 * when every upload was rejected is the kind rejected, with the latest reason.
 */
export function buildChecklist(required: RequiredDocument[], documents: ChecklistDocument[]): Checklist {
  const kinds = new Map<DocumentKind, RequiredDocument>(required.map((r) => [r.kind, r]));
  // Uploaded kinds nobody required are still shown (and checked), as optional.
  for (const d of documents) if (!kinds.has(d.kind)) kinds.set(d.kind, { kind: d.kind, required: false });

  const items = [...kinds].map(([kind, rule]): ChecklistItem => {
    const mine = documents.filter((d) => d.kind === kind).sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime());
    const base = { kind, required: rule.required, documentIds: mine.map((d) => d.id), reason: null, detail: null, inReview: false, datesNeeded: datesNeeded(rule.dateRule) };
    if (mine.length === 0) return { ...base, status: 'missing' };
    if (mine.some((d) => d.status === 'verified')) return { ...base, status: 'verified' };
    const open = mine.filter((d) => d.status === 'pending_check' || d.status === 'in_review');
    if (open.length) return { ...base, status: 'pending_check', inReview: open.some((d) => d.status === 'in_review') };
    const latest = mine[0]!;
    return { ...base, status: 'rejected', reason: latest.rejectionReason, detail: latest.rejectionDetail };
  });
  return { items, complete: items.every((i) => !i.required || i.status === 'verified') };
}

/** The answer the cases context's "documents present and verified" guard reads. */
export function documentsAnswer(checklist: Checklist): { missing: string[]; unverified: string[] } {
  const required = checklist.items.filter((i) => i.required);
  return {
    missing: required.filter((i) => i.status === 'missing').map((i) => i.kind),
    unverified: required.filter((i) => i.status === 'pending_check' || i.status === 'rejected').map((i) => i.kind),
  };
}
