import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from '../supervision.options';
import { decisionActions } from './decision-actions';
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
    const actions = decisionActions();
    const result = await this.transactions.run(async (m) => {
      const run: unknown[] = await m.query(
        `insert into quality_sampling_runs (week, share, decisions, sampled) values ($1, $2, 0, 0) on conflict (week) do nothing returning week`,
        [week, share],
      );
      if (run.length === 0) {
        const [existing] = await m.query(`select decisions, sampled from quality_sampling_runs where week = $1`, [week]);
        return { week, drawn: false, decisions: existing.decisions as number, sampled: existing.sampled as number };
      }
      const [counts] = await m.query(
        `with decision_actions as (
           select * from unnest($3::text[], $4::text[], $5::text[], $6::text[]) as t(kind, action, instance, outcome)
         ), decisions as (
           select h.id as decision_id, h.application_id, h.at as decided_at, da.instance, da.outcome,
                  case when da.instance = 'first' then a.office_id else coalesce(a.appeal_office_id, a.office_id) end as office_id,
                  case when da.instance = 'first' and a.first_decision is not null
                       then (a.first_decision->'deciders'->>0)::uuid else h.actor_id end as officer_id,
                  case when da.instance = 'first' and a.first_decision is not null
                       then array(select jsonb_array_elements_text(a.first_decision->'deciders'))::uuid[] else array[h.actor_id] end as deciders
             from case_history h
             join applications a on a.id = h.application_id
             join decision_actions da on da.kind = a.kind and da.action = h.action
            where h.at >= $1 and h.at < $2
         ), drawn as (
           select d.*, count(*) over (partition by d.officer_id) as n,
                  row_number() over (partition by d.officer_id order by random()) as rn
             from decisions d
         ), inserted as (
           insert into quality_samples (week, decision_id, application_id, office_id, officer_id, deciders, instance, outcome, decided_at)
           select $7, decision_id, application_id, office_id, officer_id, deciders, instance, outcome, decided_at
             from drawn
            where rn <= greatest(1, round(n * $8::numeric))
           on conflict (week, decision_id) do nothing
           returning 1
         )
         select (select count(*) from decisions)::int as decisions, (select count(*) from inserted)::int as sampled`,
        [start, end, actions.map((a) => a.kind), actions.map((a) => a.action), actions.map((a) => a.instance), actions.map((a) => a.outcome), week, share],
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
