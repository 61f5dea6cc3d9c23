import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import { CasesCrypto } from '../crypto/cases-crypto';
import { assessAllCategories, assessEligibility, type EligibilityAssessment } from '../domain/eligibility/assess-eligibility';
import { criteriaVersion, isRegularisationCategory } from '../domain/eligibility/criteria';
import type { EligibilityFacts } from '../domain/eligibility/eligibility-facts';

/**
 * The caseworker records (or corrects) the facts the eligibility rules read, as the evidence comes in, and gets the
 * advisory assessment back at once. The facts include health, so they are stored encrypted; the audit trail names
 * the facts that changed, never their values.
 */
@Injectable()
export class RecordEligibilityFacts {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, applicationId: string, facts: EligibilityFacts): Promise<{ assessment: EligibilityAssessment | null; otherCategories: EligibilityAssessment[] }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId, { lock: true });
      if (a.kind !== 'regularisation') throw CasesErrors.notApplicable('Eligibility criteria apply to regularisation files only.');
      if (a.final) throw CasesErrors.fileClosed(a.state);
      const field = 'applications.eligibility_facts';
      const before = a.eligibilityFactsEnc ? (JSON.parse(this.crypto.cipher.decrypt(a.eligibilityFactsEnc, field)) as Record<string, unknown>) : {};
      const changed = [...new Set([...Object.keys(before), ...Object.keys(facts)])].filter(
        (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify((facts as Record<string, unknown>)[k] ?? null),
      );
      await m.query(`update applications set eligibility_facts_enc = $2, updated_at = now() where id = $1`, [a.id, this.crypto.cipher.encrypt(JSON.stringify(facts), field)]);
      await this.audit.record(m, {
        action: 'case.eligibility_facts_recorded',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        fields: changed.map((k) => `eligibility_facts.${k}`),
      });
      const criteria = a.criteriaVersion ? criteriaVersion(a.criteriaVersion) : undefined;
      if (!criteria) return { assessment: null, otherCategories: [] };
      const asOf = a.submittedAt ?? a.createdAt;
      const assessment = a.category && isRegularisationCategory(a.category) ? assessEligibility(criteria, a.category, facts, asOf) : null;
      const otherCategories = assessAllCategories(criteria, facts, asOf).filter((x) => x.category !== a.category && x.verdict === 'meets');
      return { assessment, otherCategories };
    });
  }
}
