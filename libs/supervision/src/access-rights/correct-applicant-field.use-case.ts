import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CasesCrypto, nameKeys } from '@masar/cases';
import { Transactions } from '@masar/database';
import { CaseScopeResolver } from '@masar/identity';
import { fileScopeCondition } from '../file-scope';
import { ERASED_NAME } from '../retention/erase-file-personal-data';
import { SupervisionErrors } from '../supervision.errors';
import { checkCorrection } from './correctable-fields';

/**
 * The right of correction: a caseworker (or supervisor) of an office that holds one of the person's files corrects
 * one field of the person's record. The value is written as registration writes it (encrypted where it is
 * encrypted; the name's matching keys recomputed, so duplicate search finds the corrected name), a correction row
 * records the field, the reason and who (never the values), and the audit event names the field.
 */
@Injectable()
export class CorrectApplicantField {
  constructor(
    private readonly transactions: Transactions,
    private readonly scopes: CaseScopeResolver,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, applicantId: string, input: { field: string; value: unknown; reason: string }): Promise<{ correctionId: string; field: string; correctedAt: string }> {
    const { field, value } = checkCorrection(input.field, input.value);
    const scope = await this.scopes.scopeFor(actor);
    return this.transactions.run(async (m) => {
      const params: unknown[] = [applicantId];
      const [person] = await m.query(
        `select p.id, p.latin_name, p.arabic_name from applicants p
          where p.id = $1 and p.merged_into_id is null
            and exists (select 1 from applications a where a.applicant_id = p.id and ${fileScopeCondition(scope, 'a', params)})
          for update of p`,
        params,
      );
      if (!person) throw SupervisionErrors.applicantNotFound();
      if (person.latin_name === ERASED_NAME) throw SupervisionErrors.fileErased();
      const c = this.crypto.cipher;
      switch (field) {
        case 'latinName':
        case 'arabicName': {
          const latin = field === 'latinName' ? (value as string | null) : person.latin_name;
          const arabic = field === 'arabicName' ? (value as string | null) : person.arabic_name;
          if (!latin && !arabic) throw SupervisionErrors.fieldNotCorrectable(`${field}: a person keeps at least one name`, [field]);
          const keys = nameKeys(latin, arabic);
          await m.query(`update applicants set latin_name = $2, arabic_name = $3, name_keys = $4, name_skeleton = $5, updated_at = now() where id = $1`, [applicantId, latin, arabic, keys, keys.join(' ')]);
          break;
        }
        case 'birthDate': {
          const d = value as { year: number } | null;
          await m.query(`update applicants set birth_year = $2, birth_date_enc = $3, updated_at = now() where id = $1`, [applicantId, d?.year ?? null, d ? c.encrypt(JSON.stringify(d), 'applicants.birth_date') : null]);
          break;
        }
        case 'phone':
        case 'email':
        case 'address':
          await m.query(`update applicants set ${field}_enc = $2, updated_at = now() where id = $1`, [applicantId, c.encryptNullable(value as string | null, `applicants.${field}`)]);
          break;
        case 'nationality':
          await m.query(`update applicants set nationality = $2, updated_at = now() where id = $1`, [applicantId, value]);
          // The files carry a copy for the statistics: they follow the person's corrected nationality.
          await m.query(`update applications set nationality = $2 where applicant_id = $1`, [applicantId, value]);
          break;
        case 'sex':
          await m.query(`update applicants set sex = $2, updated_at = now() where id = $1`, [applicantId, value]);
          break;
        case 'preferredLanguage':
          await m.query(`update applicants set preferred_language = $2, updated_at = now() where id = $1`, [applicantId, value]);
          break;
      }
      const [row] = await m.query(
        `insert into personal_data_corrections (applicant_id, field, reason, corrected_by) values ($1, $2, $3, $4) returning id, corrected_at`,
        [applicantId, field, input.reason.trim(), actor.userId],
      );
      await this.audit.record(m, {
        action: 'applicant.corrected',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'applicant',
        subjectId: applicantId,
        fields: [field],
        details: { correctionId: row.id },
      });
      return { correctionId: row.id, field, correctedAt: new Date(row.corrected_at).toISOString() };
    });
  }
}
