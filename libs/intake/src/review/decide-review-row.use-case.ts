import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { RegisterReviewedCampaignRow, SealCampaignRows, type ReviewedRowFile, type StagedCampaignRow } from '@masar/cases';
import { Transactions } from '@masar/database';
import { IntakeBatches, type ReviewDecision } from '../batches/intake-batches.query';
import { IntakeErrors } from '../intake.errors';

export type ReviewChoice = 'register_new' | 'attach' | 'discard';

export interface ReviewDecisionCommand {
  decision: ReviewChoice;
  /** For 'attach': one of the persons the row was found to look like (or the person an earlier line became). */
  applicantId?: string | null;
  /** Required to register anyway or to discard: the caseworker goes against, or past, the duplicate search. */
  reason?: string | null;
}

export interface ReviewDecisionResult {
  line: number;
  decision: ReviewDecision;
  applicantId: string | null;
  applicationId: string | null;
  reference: string | null;
  /**
   * The new file's access code, only when the batch's receipts were already taken (shown once, here). Before
   * that, it is kept sealed with the batch's receipts like the imported rows' codes.
   */
  accessCode: string | null;
}

const RECORDED: Record<ReviewChoice, ReviewDecision> = { register_new: 'registered_new', attach: 'attached', discard: 'discarded' };
const COUNTER: Record<ReviewDecision, string> = { registered_new: 'rows_review_registered', attached: 'rows_review_attached', discarded: 'rows_review_discarded' };
/** A reason is a sentence, not a key pressed to get past the field. */
const MIN_REASON = 5;

interface ResultRow {
  candidate_ids: string[] | null;
  candidate_lines: number[] | null;
  decision: ReviewDecision | null;
  decided_at: Date | null;
}

/**
 * A caseworker's decision on a row set aside as a possible duplicate: register it anyway as a new person (with a
 * reason), open its file on the person found, or discard it (with a reason). One decision per row: the batch row
 * is locked (it also serialises with the import's chunks and counts), a second decision answers 409. The person
 * and the file are made by the cases context's RegisterReviewedCampaignRow in the same transaction as the
 * decision, its counts and its audit event.
 */
@Injectable()
export class DecideReviewRow {
  constructor(
    private readonly transactions: Transactions,
    private readonly batches: IntakeBatches,
    private readonly register: RegisterReviewedCampaignRow,
    private readonly seal: SealCampaignRows,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, batchId: string, line: number, cmd: ReviewDecisionCommand): Promise<ReviewDecisionResult> {
    return this.transactions.run(async (m) => {
      const batch = await this.batches.load(actor, batchId, m, true);
      const [result]: ResultRow[] = await m.query(
        `select candidate_ids, candidate_lines, decision, decided_at from intake_results where batch_id = $1 and line = $2 and outcome = 'review' for update`,
        [batchId, line],
      );
      if (!result) throw IntakeErrors.reviewRowNotFound(line);
      if (result.decision) throw IntakeErrors.reviewAlreadyDecided(line, result.decision, result.decided_at!.toISOString());
      const decision = RECORDED[cmd.decision];
      const reason = cmd.reason?.trim() || null;
      if (cmd.decision !== 'attach' && (!reason || reason.length < MIN_REASON)) throw IntakeErrors.reviewReasonRequired(cmd.decision);

      let file: ReviewedRowFile | null = null;
      if (cmd.decision !== 'discard') {
        const row = await this.stagedRow(m, batchId, line);
        const base = { actor, officeId: batch.office_id, batchId, criteriaVersion: batch.criteria_version, row, reason };
        if (cmd.decision === 'register_new') file = await this.register.asNewPerson(m, base);
        else {
          if (!cmd.applicantId) throw IntakeErrors.reviewPersonRequired();
          if (!(await this.candidates(m, batchId, result)).includes(cmd.applicantId)) throw IntakeErrors.reviewNotACandidate();
          file = await this.register.onExistingPerson(m, { ...base, applicantId: cmd.applicantId });
        }
      }
      // Before the receipts are taken, the code waits sealed with the others; after, it is shown once, here.
      const keepCode = file !== null && !batch.receipts_taken_at;
      await m.query(
        `update intake_results set decision = $3, decided_by = $4, decided_by_role = $5, decided_at = now(), decision_reason = $6,
                applicant_id = $7, application_id = $8, reference = $9, access_code_enc = $10
          where batch_id = $1 and line = $2`,
        [batchId, line, decision, actor.userId, actor.role, reason, file?.applicantId ?? null, file?.applicationId ?? null, file?.reference ?? null, keepCode ? this.seal.sealAccessCode(file!.accessCode) : null],
      );
      await m.query(`update intake_batches set ${COUNTER[decision]} = ${COUNTER[decision]} + 1 where id = $1`, [batchId]);
      await this.audit.record(m, {
        action: 'intake.review_decided',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'intake_batch',
        subjectId: batchId,
        applicationId: file?.applicationId ?? null,
        fields: reason ? ['decision', 'decision_reason'] : ['decision'],
        details: { officeId: batch.office_id, line, decision, applicantId: file?.applicantId ?? null, applicationId: file?.applicationId ?? null },
      });
      return {
        line,
        decision,
        applicantId: file?.applicantId ?? null,
        applicationId: file?.applicationId ?? null,
        reference: file?.reference ?? null,
        accessCode: file && !keepCode ? file.accessCode : null,
      };
    });
  }

  /** The persons the row looked like, and the persons the earlier lines it looked like became. */
  private async candidates(m: EntityManager, batchId: string, r: ResultRow): Promise<string[]> {
    const fromLines: { applicant_id: string }[] = r.candidate_lines?.length
      ? await m.query(`select applicant_id from intake_results where batch_id = $1 and line = any($2::int[]) and applicant_id is not null`, [batchId, r.candidate_lines])
      : [];
    return [...(r.candidate_ids ?? []), ...fromLines.map((x) => x.applicant_id)];
  }

  /** The staged row as the cases context takes it (the columns named as its fields). */
  private async stagedRow(m: EntityManager, batchId: string, line: number): Promise<StagedCampaignRow> {
    const [row]: StagedCampaignRow[] = await m.query(
      `select line, latin_name as "latinName", arabic_name as "arabicName", name_skeleton as "nameSkeleton", birth_year as "birthYear",
              birth_date_enc as "birthDateEnc", sex, nationality, phone_enc as "phoneEnc", email_enc as "emailEnc", preferred_language as "preferredLanguage",
              document_type as "documentType", document_number_enc as "documentNumberEnc", document_index as "documentIndex",
              issuing_country as "issuingCountry", category
         from intake_rows where batch_id = $1 and line = $2`,
      [batchId, line],
    );
    if (!row) throw IntakeErrors.reviewRowNotFound(line);
    return row;
  }
}
