import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { ApplicationFactory } from '../applications/application-factory';
import { CasesErrors } from '../cases.errors';
import { PerformTransition } from '../transitions/perform-transition.use-case';
import type { StagedCampaignRow } from './campaign-row';

export interface ReviewedCampaignRow {
  /** The caseworker who decided the row: the person, the file and its submission are theirs. */
  actor: Actor;
  officeId: string;
  /** The import batch (owned by the intake context) the row came from, named in the audit events. */
  batchId: string;
  criteriaVersion: string;
  row: StagedCampaignRow;
  /** Why the caseworker decided against the duplicate search; kept in the file's submission history. */
  reason: string | null;
}

export interface ReviewedRowFile {
  applicantId: string;
  applicationId: string;
  reference: string;
  /** Shown once (the receipt); the file keeps only its keyed hash. */
  accessCode: string;
}

/**
 * A row of a campaign list that the duplicate search set aside, once a caseworker has decided it, in the caller's
 * transaction: registered as a new person (refused over an identical document number, as by hand: that is the
 * same person), or its file opened on a person already registered. The file is opened and submitted through the
 * same factory and transition as by hand (history, receipt letter, the applicant's message, audit events).
 */
@Injectable()
export class RegisterReviewedCampaignRow {
  constructor(
    private readonly factory: ApplicationFactory,
    private readonly transitions: PerformTransition,
    private readonly audit: AuditTrail,
  ) {}

  async asNewPerson(m: EntityManager, cmd: ReviewedCampaignRow): Promise<ReviewedRowFile> {
    const { actor, row } = cmd;
    const same: { applicant_id: string }[] = await m.query(
      `select d.applicant_id from applicant_identity_documents d join applicants p on p.id = d.applicant_id and p.merged_into_id is null where d.number_index = $1`,
      [row.documentIndex],
    );
    if (same.length > 0) throw CasesErrors.duplicateCandidates(same.map((s) => ({ id: s.applicant_id, matchedOn: ['document_number'] })));
    const [person]: { id: string }[] = await m.query(
      `insert into applicants (latin_name, arabic_name, name_keys, name_skeleton, birth_year, birth_date_enc, sex, nationality, phone_enc, email_enc, preferred_language, created_by)
       values ($1, $2, coalesce(string_to_array(nullif($3, ''), ' '), '{}'), $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [row.latinName, row.arabicName, row.nameSkeleton, row.birthYear, row.birthDateEnc, row.sex, row.nationality, row.phoneEnc, row.emailEnc, row.preferredLanguage, actor.userId],
    );
    await this.addDocument(m, person!.id, row);
    await this.audit.record(m, {
      action: 'case.applicant_registered',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'applicant',
      subjectId: person!.id,
      fields: ['birth_date', 'documents', 'nationality', 'sex', 'phone', 'email', 'preferred_language', ...(row.latinName ? ['latin_name'] : []), ...(row.arabicName ? ['arabic_name'] : [])],
      details: { confirmedNew: true, intakeBatchId: cmd.batchId, line: row.line },
    });
    return this.openAndSubmit(m, cmd, person!.id);
  }

  /** The row's file on a registered person; the row's identity document is added to them unless they hold it. */
  async onExistingPerson(m: EntityManager, cmd: ReviewedCampaignRow & { applicantId: string }): Promise<ReviewedRowFile> {
    const [person]: { id: string }[] = await m.query(`select id from applicants where id = $1 and merged_into_id is null for update`, [cmd.applicantId]);
    if (!person) throw CasesErrors.applicantNotFound();
    if (await this.addDocument(m, person.id, cmd.row)) {
      await this.audit.record(m, {
        action: 'case.applicant_corrected',
        actorId: cmd.actor.userId,
        actorRole: cmd.actor.role,
        subjectType: 'applicant',
        subjectId: person.id,
        fields: ['documents'],
        details: { intakeBatchId: cmd.batchId, line: cmd.row.line },
      });
    }
    return this.openAndSubmit(m, cmd, person.id);
  }

  /** True when the person did not hold this document yet. */
  private async addDocument(m: EntityManager, applicantId: string, row: StagedCampaignRow): Promise<boolean> {
    const added: unknown[] = await m.query(
      `insert into applicant_identity_documents (applicant_id, type, number_enc, number_index, issuing_country)
       select $1, $2, $3, $4, $5 where not exists (select 1 from applicant_identity_documents where applicant_id = $1 and number_index = $4) returning applicant_id`,
      [applicantId, row.documentType, row.documentNumberEnc, row.documentIndex, row.issuingCountry],
    );
    return added.length > 0;
  }

  private async openAndSubmit(m: EntityManager, cmd: ReviewedCampaignRow, applicantId: string): Promise<ReviewedRowFile> {
    const { actor } = cmd;
    const now = new Date();
    const opened = await this.factory.create(
      m,
      { kind: 'regularisation', applicantId, officeId: cmd.officeId, category: cmd.row.category, criteriaVersion: cmd.criteriaVersion, createdBy: actor.userId, createdByRole: actor.role, action: 'open' },
      now,
    );
    await this.audit.record(m, {
      action: 'case.opened',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'application',
      subjectId: opened.id,
      applicationId: opened.id,
      fields: ['kind', 'category', 'criteria_version', 'office_id', 'applicant_id'],
      details: { kind: 'regularisation', officeId: cmd.officeId, intakeBatchId: cmd.batchId, line: cmd.row.line },
    });
    await this.transitions.within(m, actor, opened.id, { action: 'submit', reason: cmd.reason }, now);
    return { applicantId, applicationId: opened.id, reference: opened.reference, accessCode: opened.accessCode };
  }
}
