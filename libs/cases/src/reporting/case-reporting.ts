import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, CaseScope } from '@masar/access';
import { CaseAccess } from '../access/case-access';
import type { Effect } from '../domain/workflow/workflow-definition';
import { WORKFLOWS } from '../domain/workflow/workflows';

export interface DecisionAction {
  kind: string;
  action: string;
  instance: 'first' | 'appeal';
  outcome: 'favourable' | 'unfavourable';
}

/**
 * The actions that decide a file, read from the workflows (the transitions with a 'decide' effect), so that a
 * decision added to a workflow is reported and sampled without a change elsewhere.
 */
export function decisionActions(): DecisionAction[] {
  const out: DecisionAction[] = [];
  for (const def of Object.values(WORKFLOWS)) {
    for (const t of def.transitions) {
      for (const e of t.effects as readonly Effect[]) {
        if (e.kind === 'decide') out.push({ kind: def.kind, action: t.action, instance: e.instance, outcome: e.outcome });
      }
    }
  }
  return out;
}

/**
 * The decisions taken in [start, end), as a SQL relation another context composes into one set-based statement
 * (the weekly quality sample inserts from it). Columns: decision_id (the history entry), application_id,
 * decided_at, instance ('first' | 'appeal'), outcome, office_id (the office that decided: the appeal body for an
 * appeal decision), officer_id (the caseworker who proposed a first-instance decision; the officer who decided an
 * appeal) and deciders (uuid[]: everyone who took part, who may not review it). Its five parameters are appended to
 * `params`.
 */
export function decisionsTakenSql(params: unknown[], start: Date, end: Date): string {
  const actions = decisionActions();
  params.push(start, end, actions.map((a) => a.kind), actions.map((a) => a.action), actions.map((a) => a.instance), actions.map((a) => a.outcome));
  const [from, to, kinds, names, instances, outcomes] = [6, 5, 4, 3, 2, 1].map((back) => `$${params.length - back + 1}`);
  return `select h.id as decision_id, h.application_id, h.at as decided_at, da.instance, da.outcome,
                 case when da.instance = 'first' then a.office_id else coalesce(a.appeal_office_id, a.office_id) end as office_id,
                 case when da.instance = 'first' and a.first_decision is not null
                      then (a.first_decision->'deciders'->>0)::uuid else h.actor_id end as officer_id,
                 case when da.instance = 'first' and a.first_decision is not null
                      then array(select jsonb_array_elements_text(a.first_decision->'deciders'))::uuid[] else array[h.actor_id] end as deciders
            from case_history h
            join applications a on a.id = h.application_id
            join unnest(${kinds}::text[], ${names}::text[], ${instances}::text[], ${outcomes}::text[]) as da(kind, action, instance, outcome)
              on da.kind = a.kind and da.action = h.action
           where h.at >= ${from} and h.at < ${to}`;
}

/**
 * Every file of every person still on record (not erased, not merged into another), with what the retention rules
 * judge: kind, state, whether the state is final, and the closure (the file's last history entry). A SQL relation
 * with no parameters; columns applicant_id, application_id, kind, state, final, closed_at.
 */
export const PERSON_FILES_SQL = `
  select p.id as applicant_id, a.id as application_id, a.kind, a.state, a.final,
         (select max(h.at) from case_history h where h.application_id = a.id) as closed_at
    from applicants p
    join applications a on a.applicant_id = p.id
   where p.erased_at is null and p.merged_into_id is null`;

export interface FileLabel {
  reference: string;
  kind: string;
}

export interface PersonFile {
  id: string;
  reference: string;
  officeName: string;
  nationality: string | null;
  cardExpiresOn: string | null;
}

export interface FileClock {
  applicationId: string;
  clock: string;
  startedAt: Date;
  dueAt: Date | null;
  stoppedAt: Date | null;
}

/**
 * The cases context as the supervision context reads it: facts about files for the review list, the right of
 * access and the retention sweep. Supervision never reads the cases tables; the relations above and the queries
 * here are tested with the cases context (test/cases/case-read-ports.spec.ts).
 */
@Injectable()
export class CaseReporting {
  constructor(private readonly dataSource: DataSource) {}

  /** Reference and kind of each file asked for (unknown ids are left out). */
  async fileLabels(applicationIds: string[]): Promise<Map<string, FileLabel>> {
    if (applicationIds.length === 0) return new Map();
    const rows: { id: string; reference: string; kind: string }[] = await this.dataSource.query(
      `select id, reference, kind from applications where id = any($1::uuid[])`,
      [applicationIds],
    );
    return new Map(rows.map((r) => [r.id, { reference: r.reference, kind: r.kind }]));
  }

  /** The person records linked to an applicant's account, oldest first (the right of access). */
  async personsOfAccount(userId: string, m = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`select id from applicants where user_id = $1 order by created_at, id`, [userId]);
    return rows.map((r) => r.id);
  }

  /** The files of a person record, with their office's name (the right of access). */
  async filesOfPerson(applicantId: string, m = this.dataSource.manager): Promise<PersonFile[]> {
    const rows: { id: string; reference: string; office_name: string; nationality: string | null; card_expires_on: string | null }[] = await m.query(
      `select a.id, a.reference, o.name as office_name, a.nationality, a.card_expires_on::text as card_expires_on
         from applications a join offices o on o.id = a.office_id
        where a.applicant_id = $1
        order by a.created_at, a.id`,
      [applicantId],
    );
    return rows.map((r) => ({ id: r.id, reference: r.reference, officeName: r.office_name, nationality: r.nationality, cardExpiresOn: r.card_expires_on }));
  }

  /** The clocks (deadlines) of the files, oldest first. */
  async clocksOf(applicationIds: string[], m = this.dataSource.manager): Promise<FileClock[]> {
    const rows: { application_id: string; clock: string; started_at: Date; due_at: Date | null; stopped_at: Date | null }[] = await m.query(
      `select application_id, clock, started_at, due_at, stopped_at from case_deadlines where application_id = any($1::uuid[]) order by started_at`,
      [applicationIds],
    );
    return rows.map((r) => ({ applicationId: r.application_id, clock: r.clock, startedAt: r.started_at, dueAt: r.due_at, stoppedAt: r.stopped_at }));
  }

  /**
   * Whether the file exists within the actor's scope (the cases context's rule: their office or region; the
   * national commission, the files appealed to it), locking its row in the caller's transaction when `lock`; the row
   * the retention sweep locks too, so that what supervision changes about a file (a legal hold) and the sweep
   * serialise.
   */
  async fileInScope(m: EntityManager, actor: Actor, scope: CaseScope, applicationId: string, opts: { lock: boolean }): Promise<boolean> {
    const params: unknown[] = [applicationId];
    const rows: unknown[] = await m.query(
      `select a.id from applications a where a.id = $1 and (${CaseAccess.condition(scope, actor, 'a', params)}) ${opts.lock ? 'for update' : ''}`,
      params,
    );
    return rows.length > 0;
  }

  /**
   * Locks a person's files (in id order, so two sweeps never deadlock) in the caller's transaction, and returns the
   * ids of the person records merged into this one that are still on record (the same person, with their own copy
   * of the name and identifiers).
   */
  async lockPersonFiles(m: EntityManager, applicantId: string): Promise<{ mergedRecords: string[] }> {
    await m.query(`select id from applications where applicant_id = $1 order by id for update`, [applicantId]);
    const merged: { id: string }[] = await m.query(`select id from applicants where merged_into_id = $1 and erased_at is null order by id`, [applicantId]);
    return { mergedRecords: merged.map((r) => r.id) };
  }
}
