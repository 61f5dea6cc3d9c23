import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { IntakeErrors } from '../intake.errors';

export type IntakeBatchStatus = 'importing' | 'completed' | 'failed';
export type ReviewDecision = 'registered_new' | 'attached' | 'discarded';

export interface IntakeBatchView {
  id: string;
  officeId: string;
  status: IntakeBatchStatus;
  fileName: string | null;
  fileSha256: string;
  criteriaVersion: string;
  counts: {
    received: number;
    invalid: number;
    staged: number;
    imported: number;
    forReview: number;
    pending: number;
    /** Set-aside rows decided by a caseworker: registered as new persons, attached to a person found, discarded. */
    reviewRegistered: number;
    reviewAttached: number;
    reviewDiscarded: number;
    /** Set-aside rows still waiting for a decision. */
    reviewOpen: number;
  };
  /** Why the import stopped, while the batch is `failed` (what was imported stays; resume continues after it). */
  failure: { code: string; detail: string | null; failedAt: string } | null;
  /** How many times the office resumed the import after a failure. */
  resumedCount: number;
  /** Share of the staged rows already handled (imported or set aside for review), 0 to 1. */
  progress: number;
  createdAt: string;
  completedAt: string | null;
  receiptsTakenAt: string | null;
}

export interface BatchRow {
  id: string;
  office_id: string;
  status: IntakeBatchStatus;
  file_name: string | null;
  file_sha256: string;
  criteria_version: string;
  rows_received: number;
  rows_invalid: number;
  rows_staged: number;
  rows_imported: number;
  rows_for_review: number;
  /** Staged rows the import refused alone (listed in the errors file, counted with the invalid ones). */
  rows_refused: number;
  created_at: Date;
  completed_at: Date | null;
  receipts_taken_at: Date | null;
  uploaded_by: string;
  failure_code: string | null;
  failure_detail: string | null;
  failed_at: Date | null;
  resumed_count: number;
  rows_review_registered: number;
  rows_review_attached: number;
  rows_review_discarded: number;
}

function view(r: BatchRow): IntakeBatchView {
  const handled = r.rows_imported + r.rows_for_review + r.rows_refused;
  const decided = r.rows_review_registered + r.rows_review_attached + r.rows_review_discarded;
  return {
    id: r.id,
    officeId: r.office_id,
    status: r.status,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    criteriaVersion: r.criteria_version,
    counts: {
      received: r.rows_received,
      invalid: r.rows_invalid + r.rows_refused,
      staged: r.rows_staged,
      imported: r.rows_imported,
      forReview: r.rows_for_review,
      pending: r.rows_staged - handled,
      reviewRegistered: r.rows_review_registered,
      reviewAttached: r.rows_review_attached,
      reviewDiscarded: r.rows_review_discarded,
      reviewOpen: r.rows_for_review - decided,
    },
    failure: r.failure_code ? { code: r.failure_code, detail: r.failure_detail, failedAt: (r.failed_at ?? r.created_at).toISOString() } : null,
    resumedCount: r.resumed_count,
    progress: r.rows_staged === 0 ? 1 : Math.round((handled / r.rows_staged) * 10000) / 10000,
    createdAt: r.created_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    receiptsTakenAt: r.receipts_taken_at?.toISOString() ?? null,
  };
}

/** Reading batches: only the staff of the batch's office see it (another office gets 404, as for files). */
@Injectable()
export class IntakeBatches {
  constructor(private readonly dataSource: DataSource) {}

  async load(actor: Actor, batchId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<BatchRow> {
    const [row]: BatchRow[] = await manager.query(`select * from intake_batches where id = $1${lock ? ' for update' : ''}`, [batchId]);
    if (!row || !actor.officeId || row.office_id !== actor.officeId) throw IntakeErrors.notFound();
    return row;
  }

  async get(actor: Actor, batchId: string): Promise<IntakeBatchView> {
    return view(await this.load(actor, batchId));
  }

  async list(actor: Actor, limit = 50): Promise<IntakeBatchView[]> {
    if (!actor.officeId) return [];
    const rows: BatchRow[] = await this.dataSource.query(`select * from intake_batches where office_id = $1 order by created_at desc limit $2`, [actor.officeId, limit]);
    return rows.map(view);
  }

  /**
   * The problems of the rows that were not staged, and of the staged rows the import refused alone (no column: the
   * row as a whole; code IMPORT_REFUSED or IMPORT_DATA_REJECTED), as CSV: line, column, code.
   */
  async errorsCsv(actor: Actor, batchId: string): Promise<string> {
    await this.load(actor, batchId);
    const rows: { line: number; column_name: string; code: string }[] = await this.dataSource.query(
      `select line, column_name, code from intake_row_errors where batch_id = $1
       union all
       select line, '', refusal_code from intake_results where batch_id = $1 and outcome = 'refused'
       order by line, column_name`,
      [batchId],
    );
    return 'line,column,code\n' + rows.map((r) => `${r.line},${r.column_name},${r.code}\n`).join('');
  }

  /** The rows set aside because they look like someone already registered (or an earlier line of the file). */
  async reviewList(actor: Actor, batchId: string, afterLine = 0, limit = 200): Promise<ReviewItem[]> {
    await this.load(actor, batchId);
    const rows: {
      line: number;
      latin_name: string | null;
      arabic_name: string | null;
      birth_year: number;
      nationality: string;
      category: string;
      candidate_ids: string[];
      candidate_lines: number[];
      matched_on: string[];
      decision: ReviewDecision | null;
      decided_at: Date | null;
      decided_by: string | null;
      applicant_id: string | null;
      application_id: string | null;
      reference: string | null;
      line_persons: string[];
    }[] = await this.dataSource.query(
        `select r.line, s.latin_name, s.arabic_name, s.birth_year, s.nationality, s.category, r.candidate_ids, r.candidate_lines, r.matched_on,
                r.decision, r.decided_at, r.decided_by, r.applicant_id, r.application_id, r.reference,
                array(select e.applicant_id from intake_results e where e.batch_id = r.batch_id and e.line = any(r.candidate_lines) and e.applicant_id is not null order by e.line) as line_persons
           from intake_results r join intake_rows s on s.batch_id = r.batch_id and s.line = r.line
          where r.batch_id = $1 and r.outcome = 'review' and r.line > $2 order by r.line limit $3`,
        [batchId, afterLine, limit],
      );
    return rows.map((r) => ({
      line: r.line,
      latinName: r.latin_name,
      arabicName: r.arabic_name,
      birthYear: r.birth_year,
      nationality: r.nationality,
      category: r.category,
      candidateApplicantIds: r.candidate_ids ?? [],
      candidateLines: r.candidate_lines ?? [],
      earlierLineApplicantIds: r.line_persons ?? [],
      matchedOn: r.matched_on ?? [],
      decision: r.decision ? { decision: r.decision, decidedAt: r.decided_at!.toISOString(), decidedBy: r.decided_by!, applicantId: r.applicant_id, applicationId: r.application_id, reference: r.reference } : null,
    }));
  }
}

export interface ReviewItem {
  line: number;
  latinName: string | null;
  arabicName: string | null;
  birthYear: number;
  nationality: string;
  category: string;
  candidateApplicantIds: string[];
  candidateLines: number[];
  /** The persons those earlier lines became (imported, or registered or attached after review). */
  earlierLineApplicantIds: string[];
  matchedOn: string[];
  /** What a caseworker decided for the row (null: still to decide). */
  decision: { decision: ReviewDecision; decidedAt: string; decidedBy: string; applicantId: string | null; applicationId: string | null; reference: string | null } | null;
}
