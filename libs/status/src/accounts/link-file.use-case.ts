import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { chooseLanguage } from '../language-choice';
import { CheckStatus, type StatusQuestion } from '../lookup/check-status.use-case';
import { buildStatusAnswer } from '../lookup/status-answer';
import type { MyFile } from './list-my-files.query';
import { StatusErrors } from '../status.errors';

/**
 * An applicant links a file to their account by proving they hold its receipt: the same reference and access code
 * check as the status page, with the same limits and the same answers on failure. The link is the applicant
 * person's account (applicants.user_id), so every file of that person becomes theirs to follow; a person already
 * linked to another account is refused and must see the office.
 *
 * It writes one column of the cases context's applicants table: ownership is defined there and read by cases and
 * documents alike; moving this statement into a use case exported by the cases context is the clean next step.
 */
@Injectable()
export class LinkFileToAccount {
  constructor(
    private readonly checkStatus: CheckStatus,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, q: StatusQuestion): Promise<MyFile> {
    const facts = await this.checkStatus.verified(q);
    const language = chooseLanguage(q.language, q.acceptLanguage, facts.preferredLanguage);
    await this.dataSource.transaction(async (manager) => {
      const linked: { id: string }[] = await manager.query(
        `with linked as (
           update applicants set user_id = $1, updated_at = now()
            where id = (select applicant_id from applications where id = $2) and (user_id is null or user_id = $1)
           returning id)
         select id from linked`,
        [actor.userId, facts.applicationId],
      );
      if (linked.length === 0) throw StatusErrors.linkedElsewhere(chooseLanguage(q.language, q.acceptLanguage));
      await this.audit.record(manager, {
        action: 'applicant.file_linked',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'application',
        subjectId: facts.applicationId,
        applicationId: facts.applicationId,
        fields: ['applicants.user_id'],
      });
    });
    return { applicationId: facts.applicationId, ...buildStatusAnswer(facts, language) };
  }
}
