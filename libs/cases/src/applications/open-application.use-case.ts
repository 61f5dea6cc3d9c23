import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseAccess } from '../access/case-access';
import { CasesErrors } from '../cases.errors';
import type { AsylumModality } from '../domain/deadlines/clock-policy';
import type { EligibilityFacts } from '../domain/eligibility/eligibility-facts';
import type { CaseKind } from '../domain/workflow/workflow-definition';
import { ApplicationFactory, type OpenedApplication } from './application-factory';

export interface OpenApplicationCommand {
  kind: CaseKind;
  applicantId: string;
  /** Defaults to the caseworker's office. */
  officeId?: string;
  category?: string;
  criteriaVersion?: string;
  modality?: AsylumModality;
  facts?: EligibilityFacts;
  cardExpiresOn?: string;
}

/** Opens a file for a registered person at an office in the actor's scope. The access code is returned once. */
@Injectable()
export class OpenApplication {
  constructor(
    private readonly transactions: Transactions,
    private readonly factory: ApplicationFactory,
    private readonly access: CaseAccess,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, cmd: OpenApplicationCommand): Promise<OpenedApplication> {
    return this.transactions.run(async (m) => {
      const officeId = cmd.officeId ?? actor.officeId;
      const scope = await this.access.scopeFor(actor);
      if (!officeId || !(scope.kind === 'all' || (scope.kind === 'offices' && scope.officeIds.includes(officeId)))) {
        throw CasesErrors.officeInvalid('Files are opened at an office of your own.');
      }
      const opened = await this.factory.create(
        m,
        {
          kind: cmd.kind,
          applicantId: cmd.applicantId,
          officeId,
          category: cmd.category,
          criteriaVersion: cmd.criteriaVersion,
          modality: cmd.modality,
          facts: cmd.facts,
          cardExpiresOn: cmd.cardExpiresOn,
          createdBy: actor.userId,
          createdByRole: actor.role,
          action: 'open',
        },
        new Date(),
      );
      await this.audit.record(m, {
        action: 'case.opened',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: opened.id,
        applicationId: opened.id,
        fields: ['kind', 'category', 'criteria_version', 'office_id', 'applicant_id', ...(cmd.facts ? ['eligibility_facts'] : [])],
        details: { kind: cmd.kind, officeId },
      });
      return opened;
    });
  }
}
