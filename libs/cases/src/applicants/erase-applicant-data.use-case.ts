import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesErrors } from '../cases.errors';

/**
 * Erases a person's personal data from the cases context when retention has run out (the retention context
 * decides when, and checks legal holds first). What remains is what statistics count: the files with their kind,
 * category, office, nationality, states, dates and history steps. Names, identifiers, contacts, eligibility facts,
 * notes, written reasons and corrections go; the person row stays as an anonymous "erased" record so that counts
 * per person still hold. Erasing twice changes nothing.
 */
@Injectable()
export class EraseApplicantData {
  async execute(manager: EntityManager, applicantId: string): Promise<{ erased: boolean; files: number }> {
    const [p]: { erased_at: Date | null }[] = await manager.query(`select erased_at from applicants where id = $1 for update`, [applicantId]);
    if (!p) throw CasesErrors.applicantNotFound();
    if (p.erased_at) return { erased: false, files: 0 };
    await manager.query(
      `update applicants set latin_name = 'erased', arabic_name = null, name_keys = '{}', name_skeleton = '', birth_date_enc = null,
              phone_enc = null, email_enc = null, address_enc = null, birth_year = null, user_id = null, erased_at = now(), updated_at = now()
        where id = $1`,
      [applicantId],
    );
    await manager.query(`delete from applicant_identity_documents where applicant_id = $1`, [applicantId]);
    await manager.query(`update applicant_corrections set reason = '[erased]' where applicant_id = $1`, [applicantId]);
    const files: { id: string }[] = await manager.query(
      `with u as (update applications set eligibility_facts_enc = null, proposal = proposal - 'reason', first_decision = first_decision - 'reason',
                         interview = case when interview is null then null else interview - 'place' end, updated_at = now()
                   where applicant_id = $1 returning id) select id from u`,
      [applicantId],
    );
    const ids = files.map((f) => f.id);
    await manager.query(`update case_history set reason = case when reason is null then null else '[erased]' end, data = '{}' where application_id = any($1::uuid[])`, [ids]);
    await manager.query(`update case_notes set body = '[erased]' where application_id = any($1::uuid[])`, [ids]);
    await manager.query(`update case_flags set note = null, clear_reason = case when clear_reason is null then null else '[erased]' end where application_id = any($1::uuid[])`, [ids]);
    await manager.query(`update case_referrals set note = null where application_id = any($1::uuid[])`, [ids]);
    await manager.query(`update case_events set params = jsonb_build_object('reference', params->'reference') where application_id = any($1::uuid[])`, [ids]);
    return { erased: true, files: ids.length };
  }
}
