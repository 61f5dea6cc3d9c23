import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import { CasesCrypto } from '../crypto/cases-crypto';
import { nameKeys } from '../domain/identity-keys/name-skeleton';
import type { PartialDate } from '../domain/eligibility/eligibility-facts';
import { ApplicantRecords, type ApplicantRecord } from './applicant-records';
import { assertMaySee } from './get-applicant.query';

export interface ApplicantCorrection {
  latinName?: string | null;
  arabicName?: string | null;
  birthDate?: PartialDate | null;
  sex?: 'female' | 'male' | null;
  nationality?: string | null;
  phone?: string | null;
  email?: string | null;
  preferredLanguage?: 'ar' | 'fr' | 'en' | 'es';
  address?: string | null;
}

/**
 * The right of correction: staff who hold one of the person's files correct a field. The change is recorded in
 * the audit trail by field name (never the values), the name keys follow the names, and the open files' nationality
 * (kept for the queues' filter) follows the person's.
 */
@Injectable()
export class CorrectApplicant {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly records: ApplicantRecords,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicantId: string, change: ApplicantCorrection, reason: string): Promise<ApplicantRecord> {
    return this.transactions.run(async (m) => {
      await assertMaySee(m, this.access, actor, applicantId);
      const before = await this.records.read(m, applicantId, { lock: true });
      if (!before) throw CasesErrors.applicantNotFound();
      if (before.mergedIntoId) throw CasesErrors.mergeInvalid('This record was merged into another: correct that one.');
      const after = { ...before, ...change };
      if (!after.latinName && !after.arabicName) throw CasesErrors.notApplicable('A person keeps a name in at least one script.');
      const fields = (Object.keys(change) as (keyof ApplicantCorrection)[]).filter(
        (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(change[k] ?? null),
      );
      if (fields.length === 0) return before;
      const keys = nameKeys(after.latinName, after.arabicName);
      const c = this.crypto.cipher;
      await m.query(
        `update applicants set latin_name = $2, arabic_name = $3, name_keys = $4, name_skeleton = $5, birth_year = $6, birth_date_enc = $7, sex = $8,
                nationality = $9, phone_enc = $10, email_enc = $11, preferred_language = $12, address_enc = $13, updated_at = now()
          where id = $1`,
        [
          applicantId,
          after.latinName?.trim() || null,
          after.arabicName?.trim() || null,
          keys,
          keys.join(' '),
          after.birthDate?.year ?? null,
          after.birthDate ? c.encrypt(JSON.stringify(after.birthDate), 'applicants.birth_date') : null,
          after.sex ?? null,
          after.nationality ?? null,
          c.encryptNullable(after.phone, 'applicants.phone'),
          c.encryptNullable(after.email?.toLowerCase(), 'applicants.email'),
          after.preferredLanguage,
          c.encryptNullable(after.address, 'applicants.address'),
        ],
      );
      await m.query(`insert into applicant_corrections (applicant_id, fields, reason, corrected_by) values ($1, $2, $3, $4)`, [
        applicantId,
        fields,
        reason.trim(),
        actor.userId,
      ]);
      if (fields.includes('nationality')) {
        await m.query(`update applications set nationality = $2 where applicant_id = $1`, [applicantId, after.nationality ?? null]);
      }
      await this.audit.record(m, {
        action: 'case.applicant_corrected',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'applicant',
        subjectId: applicantId,
        fields: fields.map((f) => `applicants.${f}`),
      });
      return (await this.records.read(m, applicantId))!;
    });
  }
}
