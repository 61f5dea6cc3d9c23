import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesErrors } from '../cases.errors';
import { CasesCrypto } from '../crypto/cases-crypto';
import { CaseClocks } from '../deadlines/case-clocks';
import type { AsylumModality } from '../domain/deadlines/clock-policy';
import { criteriaVersion, isRegularisationCategory } from '../domain/eligibility/criteria';
import type { EligibilityFacts } from '../domain/eligibility/eligibility-facts';
import { generateAccessCode, hashAccessCode } from '../domain/reference/access-code';
import { generateReference } from '../domain/reference/case-reference';
import { stateOf, type CaseKind } from '../domain/workflow/workflow-definition';
import { workflowFor } from '../domain/workflow/workflows';

export interface NewApplication {
  kind: CaseKind;
  applicantId: string;
  officeId: string;
  category?: string | null;
  criteriaVersion?: string | null;
  modality?: AsylumModality | null;
  facts?: EligibilityFacts | null;
  cardExpiresOn?: string | null;
  linkedApplicationId?: string | null;
  createdBy: string;
  createdByRole: string;
  action: string;
}

export interface OpenedApplication {
  id: string;
  reference: string;
  /** Shown once, for the receipt; only its keyed hash is stored. */
  accessCode: string;
  state: string;
  version: number;
}

/** The criteria version applied to a new file when none is named: the latest published one, else MA-2016. */
export async function currentCriteriaVersion(manager: EntityManager): Promise<string> {
  const rows: { criteria_version: string }[] = await manager.query(
    `select criteria_version from criteria_publications order by published_at desc limit 1`,
  );
  return rows[0]?.criteria_version ?? 'MA-2016';
}

/**
 * Creates a file in its workflow's initial state, with its reference and access code, its first history row and
 * the clock its initial state runs. Used by "open an application" and by a referral to asylum.
 */
@Injectable()
export class ApplicationFactory {
  constructor(
    private readonly crypto: CasesCrypto,
    private readonly clocks: CaseClocks,
  ) {}

  async create(manager: EntityManager, n: NewApplication, now: Date): Promise<OpenedApplication> {
    const def = workflowFor(n.kind);
    let category: string | null = null;
    let version: string | null = null;
    if (n.kind === 'regularisation') {
      if (!n.category) throw CasesErrors.categoryRequired();
      version = n.criteriaVersion ?? (await currentCriteriaVersion(manager));
      const criteria = criteriaVersion(version);
      if (!criteria) throw CasesErrors.unknownCriteriaVersion(version);
      if (!isRegularisationCategory(n.category) || !criteria.categories.includes(n.category)) throw CasesErrors.unknownCategory(n.category, version);
      category = n.category;
    }
    if (n.kind === 'renewal' && !n.cardExpiresOn) throw CasesErrors.officeInvalid('A renewal needs the expiry date of the current card.');
    const [applicant]: { nationality: string | null }[] = await manager.query(
      `select nationality from applicants where id = $1 and merged_into_id is null`,
      [n.applicantId],
    );
    if (!applicant) throw CasesErrors.applicantNotFound();
    const [office]: { kind: string }[] = await manager.query(`select kind from offices where id = $1`, [n.officeId]);
    if (!office || office.kind === 'national_commission') throw CasesErrors.officeInvalid('Files are opened at a prefecture or province office.');

    const accessCode = generateAccessCode();
    const factsEnc = n.facts ? this.crypto.cipher.encrypt(JSON.stringify(n.facts), 'applications.eligibility_facts') : null;
    let id: string | undefined;
    let reference = '';
    // 35 random bits make a collision rare, not impossible: a clash on the unique reference tries another.
    for (let attempt = 0; !id; attempt++) {
      reference = generateReference();
      const rows: { id: string }[] = await manager.query(
        `insert into applications (reference, access_code_hash, kind, category, criteria_version, modality, eligibility_facts_enc,
           applicant_id, office_id, nationality, state, final, version, card_expires_on, linked_application_id, created_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, 1, $12, $13, $14, $15, $15)
         on conflict (reference) do nothing returning id`,
        [
          reference,
          hashAccessCode(accessCode, this.crypto.accessCodeKey),
          n.kind,
          category,
          version,
          n.kind === 'asylum' ? (n.modality ?? 'regular') : null,
          factsEnc,
          n.applicantId,
          n.officeId,
          applicant.nationality,
          def.initial,
          n.cardExpiresOn ?? null,
          n.linkedApplicationId ?? null,
          n.createdBy,
          now,
        ],
      );
      id = rows[0]?.id;
      if (attempt > 5) throw new Error('could not draw a free reference');
    }
    await manager.query(
      `insert into case_history (application_id, version, action, from_state, to_state, actor_id, actor_role, data, at)
       values ($1, 1, $2, null, $3, $4, $5, $6::jsonb, $7)`,
      [id, n.action, def.initial, n.createdBy, n.createdByRole, JSON.stringify({ kind: n.kind, category, criteriaVersion: version }), now],
    );
    const clock = stateOf(def, def.initial)?.clock;
    if (clock) {
      await this.clocks.start(manager, id, clock, now, { cardExpiresAt: n.cardExpiresOn ? new Date(`${n.cardExpiresOn}T00:00:00Z`) : null, modality: n.modality });
      await this.clocks.refreshDueAt(manager, id);
    }
    return { id, reference, accessCode, state: def.initial, version: 1 };
  }
}
