import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { decisionsTakenSql } from '@masar/cases';
import { Transactions } from '@masar/database';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from '../supervision.options';
import { isoWeekBounds, previousIsoWeek } from './iso-week';

export interface QualitySampleDrawn {
  week: string;
  /** False when the week had been drawn already: nothing was changed. */
  drawn: boolean;
  decisions: number;
  sampled: number;
}

/**
 * Draws the weekly quality sample: for each officer, `share` of the decisions they took in the week (rounded to
 * the nearest whole decision, at least one for an officer who decided anything, so nobody's work escapes a second
 * look), chosen at random by the database.
 *
 * The officer of a first-instance decision is the caseworker who proposed it (the supervisor who confirmed it is
 * among its deciders, who may not review it); of an appeal decision, the officer who decided the appeal.
 *
 * Idempotent per week: the run row (primary key: the week) is written first, and a second run of the same week
 * finds it and draws nothing; the unique (week, decision) holds even against a concurrent run.
 */
@Injectable()
export class DrawQualitySample {
  private readonly logger = new Logger(DrawQualitySample.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
    @Inject(SUPERVISION_OPTIONS) private readonly options: SupervisionOptions,
  ) {}

  async execute(input: { week?: string; share?: number; now?: Date } = {}): Promise<QualitySampleDrawn> {
    const week = input.week ?? previousIsoWeek(input.now ?? new Date());
    const { start, end } = isoWeekBounds(week);
    const share = input.share ?? this.options.samplingShare;
    const result = await this.transactions.run(async (m) => {
      const run: unknown[] = await m.query(
        `insert into quality_sampling_runs (week, share, decisions, sampled) values ($1, $2, 0, 0) on conflict (week) do nothing returning week`,
        [week, share],
      );
      if (run.length === 0) {
        const [existing] = await m.query(`select decisions, sampled from quality_sampling_runs where week = $1`, [week]);
        return { week, drawn: false, decisions: existing.decisions as number, sampled: existing.sampled as number };
      }
      // One statement: the cases context's relation of the week's decisions, drawn and inserted here.
      const params: unknown[] = [week, share];
      const decisions = decisionsTakenSql(params, start, end);
      const [counts] = await m.query(
        `with decisions as (${decisions}
         ), drawn as (
           select d.*, count(*) over (partition by d.officer_id) as n,
                  row_number() over (partition by d.officer_id order by random()) as rn
             from decisions d
         ), inserted as (
           insert into quality_samples (week, decision_id, application_id, office_id, officer_id, deciders, instance, outcome, decided_at)
           select $1, decision_id, application_id, office_id, officer_id, deciders, instance, outcome, decided_at
             from drawn
            where rn <= greatest(1, round(n * $2::numeric))
           on conflict (week, decision_id) do nothing
           returning 1
         )
         select (select count(*) from decisions)::int as decisions, (select count(*) from inserted)::int as sampled`,
        params,
      );
      await m.query(`update quality_sampling_runs set decisions = $2, sampled = $3 where week = $1`, [week, counts.decisions, counts.sampled]);
      await this.audit.record(m, {
        action: 'quality.sample_drawn',
        actorId: null,
        actorRole: SYSTEM_ACTOR.role,
        subjectType: 'quality_sample',
        subjectId: week,
        details: { week, share, decisions: counts.decisions, sampled: counts.sampled },
      });
      return { week, drawn: true, decisions: counts.decisions as number, sampled: counts.sampled as number };
    });
    this.logger.log(result, result.drawn ? 'quality sample drawn' : 'quality sample of this week already drawn');
    return result;
  }
}
