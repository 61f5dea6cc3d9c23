import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';

export const FLAG_KINDS = ['trafficking_indicators', 'vulnerable_person'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const SERVICES = ['protection', 'health', 'education', 'employment', 'housing', 'training', 'culture'] as const;
export type Service = (typeof SERVICES)[number];

/** Protection and health answer a need at any time; the integration services follow a favourable decision. */
const ANY_TIME: readonly Service[] = ['protection', 'health'];

/**
 * A caseworker who sees indicators of trafficking flags the file and refers the person to protection; after a
 * favourable decision, people are referred to the services of the national strategy. Every referral needs the
 * person's consent, recorded with its date. Notes stay with the file; the audit trail records ids and kinds only.
 */
@Injectable()
export class FlagsAndReferrals {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  raise(actor: Actor, applicationId: string, kind: FlagKind, note: string | null): Promise<{ id: string }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId);
      const rows: { id: string }[] = await m.query(
        `insert into case_flags (application_id, kind, note, raised_by) values ($1, $2, $3, $4)
         on conflict (application_id, kind) where cleared_at is null do nothing returning id`,
        [a.id, kind, note, actor.userId],
      );
      if (rows.length === 0) throw CasesErrors.notApplicable(`The file already carries an open "${kind}" flag.`);
      await this.audit.record(m, {
        action: 'case.flag_raised',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        details: { flagId: rows[0]!.id, kind },
      });
      return { id: rows[0]!.id };
    });
  }

  clear(actor: Actor, applicationId: string, flagId: string, reason: string): Promise<{ id: string }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId);
      const rows: { id: string; kind: string }[] = await m.query(
        `with u as (update case_flags set cleared_by = $3, cleared_at = now(), clear_reason = $4
                     where id = $1 and application_id = $2 and cleared_at is null returning id, kind) select * from u`,
        [flagId, a.id, actor.userId, reason],
      );
      if (rows.length === 0) throw CasesErrors.notFound('flag');
      await this.audit.record(m, {
        action: 'case.flag_cleared',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        details: { flagId, kind: rows[0]!.kind },
      });
      return { id: flagId };
    });
  }

  refer(actor: Actor, applicationId: string, r: { service: Service; consent: boolean; consentGivenOn: string; note: string | null }): Promise<{ id: string }> {
    return this.transactions.run(async (m) => {
      const { application: a } = await this.access.load(m, actor, applicationId);
      if (r.consent !== true) throw CasesErrors.consentRequired();
      if (!ANY_TIME.includes(r.service) && a.firstDecision?.outcome !== 'favourable' && !['recognised', 'recognition_notified', 'protected', 'card_production', 'card_ready', 'card_issued'].includes(a.state)) {
        throw CasesErrors.notApplicable(`A referral to ${r.service} follows a favourable decision.`);
      }
      const [row]: { id: string }[] = await m.query(
        `insert into case_referrals (application_id, service, consent_given_on, note, referred_by) values ($1, $2, $3, $4, $5) returning id`,
        [a.id, r.service, r.consentGivenOn, r.note, actor.userId],
      );
      await this.audit.record(m, {
        action: 'case.referred_to_service',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: a.id,
        applicationId: a.id,
        details: { referralId: row!.id, service: r.service, consentGivenOn: r.consentGivenOn },
      });
      return { id: row!.id };
    });
  }
}
