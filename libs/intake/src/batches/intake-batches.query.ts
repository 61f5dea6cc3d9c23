import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { IntakeErrors } from '../intake.errors';

export interface IntakeBatchView {
  id: string;
  officeId: string;
  status: 'importing' | 'completed';
  fileName: string | null;
  fileSha256: string;
  criteriaVersion: string;
  counts: { received: number; invalid: number; staged: number; imported: number; forReview: number; pending: number };
  /** Share of the staged rows already handled (imported or set aside for review), 0 to 1. */
  progress: number;
  createdAt: string;
  completedAt: string | null;
  receiptsTakenAt: string | null;
}

interface Row {
  id: string;
  office_id: string;
  status: 'importing' | 'completed';
  file_name: string | null;
  file_sha256: string;
  criteria_version: string;
  rows_received: number;
  rows_invalid: number;
  rows_staged: number;
  rows_imported: number;
  rows_for_review: number;
  created_at: Date;
  completed_at: Date | null;
  receipts_taken_at: Date | null;
  uploaded_by: string;
}

function view(r: Row): IntakeBatchView {
  const handled = r.rows_imported + r.rows_for_review;
  return {
    id: r.id,
    officeId: r.office_id,
    status: r.status,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    criteriaVersion: r.criteria_version,
    counts: { received: r.rows_received, invalid: r.rows_invalid, staged: r.rows_staged, imported: r.rows_imported, forReview: r.rows_for_review, pending: r.rows_staged - handled },
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

  async load(actor: Actor, batchId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Row> {
    const [row]: Row[] = await manager.query(`select * from intake_batches where id = $1${lock ? ' for update' : ''}`, [batchId]);
    if (!row || !actor.officeId || row.office_id !== actor.officeId) throw IntakeErrors.notFound();
    return row;
  }

  async get(actor: Actor, batchId: string): Promise<IntakeBatchView> {
    return view(await this.load(actor, batchId));
  }

  async list(actor: Actor, limit = 50): Promise<IntakeBatchView[]> {
    if (!actor.officeId) return [];
    const rows: Row[] = await this.dataSource.query(`select * from intake_batches where office_id = $1 order by created_at desc limit $2`, [actor.officeId, limit]);
    return rows.map(view);
  }

  /** The problems of the rows that were not staged, as CSV: line, column, code. */
  async errorsCsv(actor: Actor, batchId: string): Promise<string> {
    await this.load(actor, batchId);
    const rows: { line: number; column_name: string; code: string }[] = await this.dataSource.query(
      `select line, column_name, code from intake_row_errors where batch_id = $1 order by line, column_name`,
      [batchId],
    );
    return 'line,column,code\n' + rows.map((r) => `${r.line},${r.column_name},${r.code}\n`).join('');
  }

  /** The rows set aside because they look like someone already registered (or an earlier line of the file). */
  async reviewList(actor: Actor, batchId: string, afterLine = 0, limit = 200): Promise<ReviewItem[]> {
    await this.load(actor, batchId);
    const rows: { line: number; latin_name: string | null; arabic_name: string | null; birth_year: number; nationality: string; category: string; candidate_ids: string[]; candidate_lines: number[]; matched_on: string[] }[] =
      await this.dataSource.query(
        `select r.line, s.latin_name, s.arabic_name, s.birth_year, s.nationality, s.category, r.candidate_ids, r.candidate_lines, r.matched_on
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
      matchedOn: r.matched_on ?? [],
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
  matchedOn: string[];
}
