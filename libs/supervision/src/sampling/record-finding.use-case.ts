import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CaseScopeResolver } from '@masar/identity';
import { SupervisionErrors } from '../supervision.errors';
import { sampleScopeCondition } from './quality-samples.query';

export interface FindingInput {
  finding: 'agree' | 'disagree';
  comment?: string | null;
}

/**
 * A reviewer's second look at a sampled decision: agree, or disagree with the reasons. The reviewer took no part
 * in the decision (neither proposed nor confirmed it). One finding per sample; the row is locked so that two
 * reviewers at once cannot both record one. Audited with the field names only (the comment is free text).
 */
@Injectable()
export class RecordQualityFinding {
  constructor(
    private readonly transactions: Transactions,
    private readonly scopes: CaseScopeResolver,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, sampleId: string, input: FindingInput): Promise<{ id: string; finding: string; reviewedAt: string }> {
    const comment = input.comment?.trim() || null;
    if (input.finding === 'disagree' && (!comment || comment.length < 15)) throw SupervisionErrors.disagreementUnexplained();
    const scope = await this.scopes.scopeFor(actor);
    return this.transactions.run(async (m) => {
      const params: unknown[] = [sampleId];
      const [sample] = await m.query(
        `select s.id, s.week, s.application_id, s.deciders, s.finding from quality_samples s
          where s.id = $1 and ${sampleScopeCondition(scope, 's', params)} for update`,
        params,
      );
      if (!sample) throw SupervisionErrors.sampleNotFound();
      if (sample.finding) throw SupervisionErrors.sampleAlreadyReviewed();
      if ((sample.deciders as string[]).includes(actor.userId)) throw SupervisionErrors.reviewerTookPart();
      const [done] = await m.query(
        // As a select: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
        `with u as (update quality_samples set finding = $2, comment = $3, reviewer_id = $4, reviewed_at = now() where id = $1 returning reviewed_at)
         select reviewed_at from u`,
        [sampleId, input.finding, comment, actor.userId],
      );
      await this.audit.record(m, {
        action: 'quality.finding',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'quality_sample',
        subjectId: sampleId,
        applicationId: sample.application_id,
        fields: comment ? ['finding', 'comment'] : ['finding'],
        details: { finding: input.finding, week: sample.week },
      });
      return { id: sampleId, finding: input.finding, reviewedAt: new Date(done.reviewed_at).toISOString() };
    });
  }
}
