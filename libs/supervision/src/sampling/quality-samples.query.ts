import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CaseScope } from '@masar/access';
import { CaseReporting } from '@masar/cases';

export interface QualitySampleView {
  id: string;
  week: string;
  applicationId: string;
  reference: string;
  kind: string;
  instance: 'first' | 'appeal';
  outcome: 'favourable' | 'unfavourable';
  officerId: string;
  officerName: string;
  decidedAt: string;
  /** False when the reader took part in the decision: someone else must review it. */
  youMayReview: boolean;
  finding: 'agree' | 'disagree' | null;
  comment: string | null;
  reviewerId: string | null;
  reviewedAt: string | null;
}

/** Which samples a supervisor reviews: those decided by an office of their scope (the commission: its own appeal decisions). */
export function sampleScopeCondition(scope: CaseScope, alias: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'offices':
      params.push(scope.officeIds);
      return `${alias}.office_id = any($${params.length}::uuid[])`;
    case 'appeals':
      params.push(scope.officeId);
      return `${alias}.office_id = $${params.length}`;
    default:
      return 'false';
  }
}

/** The review list: a week's samples (the latest week drawn by default), the ones still to review first. */
@Injectable()
export class QualitySamplesQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseReporting,
  ) {}

  async execute(actor: Actor, scope: CaseScope, q: { week?: string; status?: 'pending' | 'reviewed' }): Promise<{ week: string | null; items: QualitySampleView[] }> {
    const week = q.week ?? ((await this.dataSource.query(`select max(week) as week from quality_sampling_runs`))[0]?.week as string | null);
    if (!week) return { week: null, items: [] };
    const params: unknown[] = [week, actor.userId];
    const where = [`s.week = $1`, sampleScopeCondition(scope, 's', params)];
    if (q.status === 'pending') where.push('s.finding is null');
    if (q.status === 'reviewed') where.push('s.finding is not null');
    const rows: Record<string, any>[] = await this.dataSource.query(
      `select s.id, s.week, s.application_id, s.instance, s.outcome, s.officer_id, u.display_name as officer_name,
              s.decided_at, not ($2::uuid = any(s.deciders)) as you_may_review, s.finding, s.comment, s.reviewer_id, s.reviewed_at
         from quality_samples s
         join users u on u.id = s.officer_id
        where ${where.join(' and ')}
        order by (s.finding is not null), s.decided_at, s.id
        limit 500`,
      params,
    );
    const files = await this.cases.fileLabels([...new Set(rows.map((r) => r.application_id as string))]);
    return {
      week,
      items: rows.map((r) => ({
        id: r.id,
        week: r.week,
        applicationId: r.application_id,
        reference: files.get(r.application_id)?.reference ?? '',
        kind: files.get(r.application_id)?.kind ?? '',
        instance: r.instance,
        outcome: r.outcome,
        officerId: r.officer_id,
        officerName: r.officer_name,
        decidedAt: new Date(r.decided_at).toISOString(),
        youMayReview: r.you_may_review,
        finding: r.finding,
        comment: r.comment,
        reviewerId: r.reviewer_id,
        reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      })),
    };
  }
}
