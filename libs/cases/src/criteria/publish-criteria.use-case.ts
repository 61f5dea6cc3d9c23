import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CasesErrors } from '../cases.errors';
import { CasesCrypto } from '../crypto/cases-crypto';
import { acceptedUnder } from '../domain/eligibility/assess-eligibility';
import { criteriaVersion } from '../domain/eligibility/criteria';
import type { EligibilityFacts } from '../domain/eligibility/eligibility-facts';

export interface PublicationResult {
  publicationId: string;
  criteriaVersion: string;
  reviewed: number;
  worklist: number;
}

/**
 * An administrator publishes a new version of the criteria. From then on new files apply it, and every file
 * refused under an older version that the new one would accept (from the facts recorded, on the day it was
 * submitted) lands in a review worklist of its office, with the category that now fits. Publishing the same
 * version twice changes nothing.
 */
@Injectable()
export class PublishCriteria {
  constructor(
    private readonly transactions: Transactions,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, versionId: string): Promise<PublicationResult> {
    const version = criteriaVersion(versionId);
    if (!version) throw CasesErrors.unknownCriteriaVersion(versionId);
    return this.transactions.run(async (m) => {
      const inserted: { id: string }[] = await m.query(
        `insert into criteria_publications (criteria_version, published_by) values ($1, $2) on conflict (criteria_version) do nothing returning id`,
        [versionId, actor.userId],
      );
      if (inserted.length === 0) {
        const [existing]: { id: string }[] = await m.query(`select id from criteria_publications where criteria_version = $1`, [versionId]);
        const [count]: { n: string }[] = await m.query(`select count(*) as n from criteria_review_items where publication_id = $1`, [existing!.id]);
        return { publicationId: existing!.id, criteriaVersion: versionId, reviewed: 0, worklist: Number(count!.n) };
      }
      const publicationId = inserted[0]!.id;
      let reviewed = 0;
      let worklist = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      // In batches by id, so that a campaign's worth of refused files never sits in memory at once.
      for (;;) {
        const refused: { id: string; office_id: string; criteria_version: string; eligibility_facts_enc: string | null; submitted_at: Date | null; created_at: Date }[] =
          await m.query(
            `select id, office_id, criteria_version, eligibility_facts_enc, submitted_at, created_at from applications
              where kind = 'regularisation' and first_decision->>'outcome' = 'unfavourable' and criteria_version <> $1 and id > $2
              order by id limit 500`,
            [versionId, after],
          );
        if (refused.length === 0) break;
        after = refused[refused.length - 1]!.id;
        for (const f of refused) {
          reviewed++;
          if (!f.eligibility_facts_enc) continue;
          const facts = JSON.parse(this.crypto.cipher.decrypt(f.eligibility_facts_enc, 'applications.eligibility_facts')) as EligibilityFacts;
          const fit = acceptedUnder(versionId, facts, f.submitted_at ?? f.created_at);
          if (!fit) continue;
          await m.query(
            `insert into criteria_review_items (publication_id, application_id, previous_version, suggested_category, office_id)
             values ($1, $2, $3, $4, $5) on conflict do nothing`,
            [publicationId, f.id, f.criteria_version, fit.category, f.office_id],
          );
          worklist++;
        }
      }
      await this.audit.record(m, {
        action: 'case.criteria_published',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'criteria',
        subjectId: publicationId,
        details: { criteriaVersion: versionId, reviewed, worklist },
      });
      return { publicationId, criteriaVersion: versionId, reviewed, worklist };
    });
  }
}
