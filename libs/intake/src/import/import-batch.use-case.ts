import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, Role } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { RegisterCampaignBatch, type CampaignRowOutcome, type StagedCampaignRow } from '@masar/cases';
import { Transactions } from '@masar/database';
import { rowRefusal, type RowRefusalCode } from '../failure/import-failure';
import { INTAKE_OPTIONS, type IntakeOptions } from '../intake.options';

/** A chunk with more rows refused alone than this fails the batch: the cause is not in its rows (and bisecting it is slow). */
export const MAX_REFUSED_PER_CHUNK = 50;

interface RefusedRow {
  line: number;
  code: RowRefusalCode;
  reason: string;
}

interface ChunkContext {
  actor: Actor;
  officeId: string;
  batchId: string;
  criteriaVersion: string;
}

export interface ChunkStep {
  /** Lines handled by this step (0 when the batch was already complete). */
  rows: number;
  imported: number;
  forReview: number;
  /** Lines refused alone (their chunk bisected), recorded with a code; the other lines went on. */
  refused: number;
  done: boolean;
}

interface BatchRow {
  id: string;
  office_id: string;
  uploaded_by: string;
  uploaded_by_role: string;
  criteria_version: string;
  status: string;
  imported_through_line: number;
}

/**
 * Imports a staged batch one chunk per transaction: the batch row is locked, the next staged lines after the
 * recorded progress are read, the cases context registers them (set-based), their results are written and the
 * progress moves past them, all in one commit. A worker killed mid-chunk rolls that chunk back and the next run
 * starts again from the last committed line; two runs at once queue on the batch lock, and the second finds the
 * lines already done. Nothing is imported twice.
 */
@Injectable()
export class ImportBatch {
  private readonly logger = new Logger(ImportBatch.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly register: RegisterCampaignBatch,
    private readonly audit: AuditTrail,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  /** Every remaining chunk; returns the number of chunks run by this call. */
  async run(batchId: string): Promise<number> {
    let steps = 0;
    for (;;) {
      const step = await this.step(batchId);
      if (step.rows > 0) steps++;
      if (step.done) return steps;
    }
  }

  /** One chunk in one transaction. */
  step(batchId: string, chunkRows = this.options.chunkRows): Promise<ChunkStep> {
    return this.transactions.run(async (m) => {
      const t0 = Date.now();
      // A chunk is a few seconds of set-based statements; on a loaded server one may pass the usual 30 s limit.
      await m.query(`set local statement_timeout = '5min'`);
      const [batch]: BatchRow[] = await m.query(
        `select id, office_id, uploaded_by, uploaded_by_role, criteria_version, status, imported_through_line from intake_batches where id = $1 for update`,
        [batchId],
      );
      if (!batch) {
        this.logger.warn({ batchId }, 'intake batch gone; nothing to import');
        return { rows: 0, imported: 0, forReview: 0, refused: 0, done: true };
      }
      // A failed batch waits for someone to resume it; a job left over from before the failure does nothing.
      if (batch.status !== 'importing') return { rows: 0, imported: 0, forReview: 0, refused: 0, done: true };
      const rows = await this.nextRows(m, batchId, batch.imported_through_line, chunkRows);
      if (rows.length === 0) {
        await this.complete(m, batch);
        return { rows: 0, imported: 0, forReview: 0, refused: 0, done: true };
      }
      const actor: Actor = { userId: batch.uploaded_by, role: batch.uploaded_by_role as Role, officeId: batch.office_id, regionCode: null, nationalCommission: false };
      const ctx: ChunkContext = { actor, officeId: batch.office_id, batchId, criteriaVersion: batch.criteria_version };
      const { outcomes, refused } = await this.importRows(m, ctx, rows);
      await this.saveResults(m, batchId, outcomes);
      await this.saveRefused(m, batchId, refused);
      const imported = outcomes.filter((o) => o.outcome === 'imported').length;
      const forReview = outcomes.length - imported;
      const last = rows[rows.length - 1]!.line;
      await m.query(
        `update intake_batches set imported_through_line = $2, rows_imported = rows_imported + $3, rows_for_review = rows_for_review + $4, rows_refused = rows_refused + $5,
                chunks_done = chunks_done + 1, progress_at = now()
          where id = $1`,
        [batchId, last, imported, forReview, refused.length],
      );
      this.logger.debug({ batchId, rows: rows.length, imported, forReview, refused: refused.length, ms: Date.now() - t0 }, 'intake chunk imported');
      if (rows.length < chunkRows) {
        await this.complete(m, batch);
        return { rows: rows.length, imported, forReview, refused: refused.length, done: true };
      }
      return { rows: rows.length, imported, forReview, refused: refused.length, done: false };
    });
  }

  /**
   * The rows through the cases context, under a savepoint. When they fail with an error one row can cause (a refusal
   * of the cases context, PostgreSQL's over a value or a constraint), the savepoint is rolled back and the rows are
   * tried again in two halves, and so on until the failing rows are alone: each is refused with a code, the others
   * are imported. The halves go in line order, so a row's likely duplicates among the earlier lines are persons by
   * then, found as an earlier chunk's are. Any other error (a table missing, a lost connection) is the batch's and
   * goes up; so does a chunk whose every row (of two or more), or more than MAX_REFUSED_PER_CHUNK, fails alone.
   */
  private async importRows(m: EntityManager, ctx: ChunkContext, rows: StagedCampaignRow[]): Promise<{ outcomes: CampaignRowOutcome[]; refused: RefusedRow[] }> {
    const outcomes: CampaignRowOutcome[] = [];
    const refused: RefusedRow[] = [];
    let first: unknown;
    const attempt = async (part: StagedCampaignRow[]): Promise<void> => {
      await m.query(`savepoint intake_rows`);
      try {
        outcomes.push(...(await this.register.importChunk(m, { ...ctx, rows: part })));
        await m.query(`release savepoint intake_rows`);
        return;
      } catch (err) {
        const refusal = rowRefusal(err);
        if (!refusal) throw err;
        first ??= err;
        await m.query(`rollback to savepoint intake_rows`);
        await m.query(`release savepoint intake_rows`);
        if (part.length === 1) {
          refused.push({ line: part[0]!.line, ...refusal });
          if (refused.length > MAX_REFUSED_PER_CHUNK) throw err;
          return;
        }
      }
      const half = Math.ceil(part.length / 2);
      await attempt(part.slice(0, half));
      await attempt(part.slice(half));
    };
    await attempt(rows);
    if (rows.length > 1 && refused.length === rows.length) throw first;
    if (refused.length) this.logger.warn({ batchId: ctx.batchId, refused: refused.map((r) => ({ line: r.line, code: r.code, reason: r.reason })) }, 'intake rows refused alone');
    return { outcomes, refused };
  }

  private async saveRefused(m: EntityManager, batchId: string, refused: RefusedRow[]): Promise<void> {
    if (!refused.length) return;
    await m.query(
      `insert into intake_results (batch_id, line, outcome, refusal_code, refusal_reason)
       select $1, t.line, 'refused', t.code, t.reason from unnest($2::int[], $3::text[], $4::text[]) as t(line, code, reason)`,
      [batchId, refused.map((r) => r.line), refused.map((r) => r.code), refused.map((r) => r.reason)],
    );
  }

  private async nextRows(m: EntityManager, batchId: string, after: number, limit: number): Promise<StagedCampaignRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `select line, latin_name, arabic_name, name_skeleton, birth_year, birth_date_enc, sex, nationality, phone_enc, email_enc, preferred_language,
              document_type, document_number_enc, document_index, issuing_country, category
         from intake_rows where batch_id = $1 and line > $2 order by line limit $3`,
      [batchId, after, limit],
    );
    return rows.map((r) => ({
      line: Number(r.line),
      latinName: r.latin_name as string | null,
      arabicName: r.arabic_name as string | null,
      nameSkeleton: r.name_skeleton as string,
      birthYear: Number(r.birth_year),
      birthDateEnc: r.birth_date_enc as string,
      sex: r.sex as 'female' | 'male' | null,
      nationality: r.nationality as string,
      phoneEnc: r.phone_enc as string | null,
      emailEnc: r.email_enc as string | null,
      preferredLanguage: r.preferred_language as string,
      documentType: r.document_type as string,
      documentNumberEnc: r.document_number_enc as string,
      documentIndex: r.document_index as string,
      issuingCountry: r.issuing_country as string | null,
      category: r.category as string,
    }));
  }

  private async saveResults(m: EntityManager, batchId: string, outcomes: CampaignRowOutcome[]): Promise<void> {
    const imp = outcomes.filter((o): o is Extract<CampaignRowOutcome, { outcome: 'imported' }> => o.outcome === 'imported');
    const rev = outcomes.filter((o): o is Extract<CampaignRowOutcome, { outcome: 'review' }> => o.outcome === 'review');
    if (imp.length) {
      await m.query(
        `insert into intake_results (batch_id, line, outcome, applicant_id, application_id, reference, access_code_enc)
         select $1, t.line, 'imported', t.applicant, t.application, t.reference, t.code
           from unnest($2::int[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) as t(line, applicant, application, reference, code)`,
        [batchId, imp.map((o) => o.line), imp.map((o) => o.applicantId), imp.map((o) => o.applicationId), imp.map((o) => o.reference), imp.map((o) => o.accessCodeSealed)],
      );
    }
    if (rev.length) {
      // Arrays of arrays of different lengths do not unnest: they travel as JSON.
      await m.query(
        `insert into intake_results (batch_id, line, outcome, candidate_ids, candidate_lines, matched_on)
         select $1, (r->>'line')::int, 'review',
                array(select jsonb_array_elements_text(r->'candidateIds'))::uuid[],
                array(select jsonb_array_elements_text(r->'candidateLines'))::int[],
                array(select jsonb_array_elements_text(r->'matchedOn'))
           from jsonb_array_elements($2::jsonb) r`,
        [batchId, JSON.stringify(rev.map((o) => ({ line: o.line, candidateIds: o.candidateIds, candidateLines: o.candidateLines, matchedOn: o.matchedOn })))],
      );
    }
  }

  private async complete(m: EntityManager, batch: BatchRow): Promise<void> {
    await m.query(`update intake_batches set status = 'completed', completed_at = now() where id = $1`, [batch.id]);
    const [counts]: { rows_imported: number; rows_for_review: number; rows_refused: number }[] = await m.query(
      `select rows_imported, rows_for_review, rows_refused from intake_batches where id = $1`,
      [batch.id],
    );
    await this.audit.record(m, {
      action: 'intake.batch_imported',
      actorId: null,
      actorRole: 'system',
      subjectType: 'intake_batch',
      subjectId: batch.id,
      details: { officeId: batch.office_id, rowsImported: counts!.rows_imported, rowsForReview: counts!.rows_for_review, rowsRefused: counts!.rows_refused },
    });
  }
}
