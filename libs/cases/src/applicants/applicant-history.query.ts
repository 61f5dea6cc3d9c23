import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { CaseAccess } from '../access/case-access';
import type { CaseKind } from '../domain/workflow/workflow-definition';
import { assertMaySee } from './get-applicant.query';

export interface ApplicantFile {
  id: string;
  reference: string;
  kind: CaseKind;
  category: string | null;
  state: string;
  createdAt: string;
  /** The file is in the reader's scope (their office, their assignment...): the case page will open. */
  mayOpen: boolean;
}

export interface ApplicantCorrectionEntry {
  id: string;
  fields: string[];
  reason: string;
  correctedBy: string;
  correctedAt: string;
}

export interface ApplicantMergeEntry {
  id: string;
  survivorId: string;
  mergedId: string;
  /** The names of the record that was merged into the survivor, to say what an undo separates again. */
  mergedLatinName: string | null;
  mergedArabicName: string | null;
  reason: string;
  movedApplications: number;
  movedDocuments: number;
  mergedBy: string;
  mergedAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * What the person page shows beside the record: their files, the corrections made (fields and reason, never the
 * old values) and the merges that involve them. The same rule as the record itself: staff holding one of the
 * person's files, 404 for anyone else. Values are not read here, so these reads are not audited as the record is.
 */
@Injectable()
export class ApplicantHistory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async files(actor: Actor, applicantId: string): Promise<ApplicantFile[]> {
    const m = this.dataSource.manager;
    await assertMaySee(m, this.access, actor, applicantId);
    const params: unknown[] = [applicantId];
    const cond = CaseAccess.condition(await this.access.scopeFor(actor), actor, 'a', params);
    const rows: { id: string; reference: string; kind: CaseKind; category: string | null; state: string; created_at: Date; may_open: boolean }[] = await m.query(
      `select a.id, a.reference, a.kind, a.category, a.state, a.created_at, (${cond}) as may_open
         from applications a where a.applicant_id = $1 order by a.created_at`,
      params,
    );
    return rows.map((r) => ({ id: r.id, reference: r.reference, kind: r.kind, category: r.category, state: r.state, createdAt: iso(r.created_at)!, mayOpen: r.may_open }));
  }

  async corrections(actor: Actor, applicantId: string): Promise<ApplicantCorrectionEntry[]> {
    const m = this.dataSource.manager;
    await assertMaySee(m, this.access, actor, applicantId);
    const rows: { id: string; fields: string[]; reason: string; corrected_by: string; corrected_at: Date }[] = await m.query(
      `select id, fields, reason, corrected_by, corrected_at from applicant_corrections where applicant_id = $1 order by corrected_at desc, id`,
      [applicantId],
    );
    return rows.map((r) => ({ id: r.id, fields: r.fields, reason: r.reason, correctedBy: r.corrected_by, correctedAt: iso(r.corrected_at)! }));
  }

  /** Merges into this person (undoable from here) and the merge of this record into another, newest first. */
  async merges(actor: Actor, applicantId: string): Promise<ApplicantMergeEntry[]> {
    const m = this.dataSource.manager;
    await assertMaySee(m, this.access, actor, applicantId);
    const rows: Record<string, any>[] = await m.query(
      `select g.id, g.survivor_id, g.merged_id, p.latin_name, p.arabic_name, g.reason, cardinality(g.moved_application_ids) as apps,
              cardinality(g.moved_document_ids) as docs, g.merged_by, g.merged_at, g.undone_at, g.undone_by, g.undo_reason
         from applicant_merges g join applicants p on p.id = g.merged_id
        where g.survivor_id = $1 or g.merged_id = $1
        order by g.merged_at desc, g.id`,
      [applicantId],
    );
    return rows.map((r) => ({
      id: r.id,
      survivorId: r.survivor_id,
      mergedId: r.merged_id,
      mergedLatinName: r.latin_name,
      mergedArabicName: r.arabic_name,
      reason: r.reason,
      movedApplications: Number(r.apps),
      movedDocuments: Number(r.docs),
      mergedBy: r.merged_by,
      mergedAt: iso(r.merged_at)!,
      undoneAt: iso(r.undone_at),
      undoneBy: r.undone_by,
      undoReason: r.undo_reason,
    }));
  }
}
