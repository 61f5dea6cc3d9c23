import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { CaseKind } from '../domain/workflow/workflow-definition';
import type { CaseEventParams } from '../notify/applicant-notifier';

/** The applicant-facing event types whose latest occurrence a status answer needs. */
export type ApplicantActionEvent = 'documents_requested' | 'decision_unfavourable' | 'card_ready';

/** What the cases context tells about one file for its applicant's status page (read port of the status context). */
export interface ApplicationStatusFacts {
  applicationId: string;
  reference: string;
  accessCodeHash: string;
  kind: CaseKind;
  state: string;
  officeName: string;
  preferredLanguage: string;
  interview: { at: string; place: string; interpreterLanguage: string | null } | null;
  interviewHeld: boolean;
  /** The latest event of each type the applicant must act on (documents requested, refusal, card ready). */
  events: Partial<Record<ApplicantActionEvent, CaseEventParams>>;
}

/**
 * A caller's own scalar SQL expression, evaluated in the same statement as the look-up (so that it costs no second
 * round trip). It may use `q.reference` (the reference looked up) and its own parameters, numbered from $2.
 */
export interface AlongsideValue {
  /** Names the prepared statement (one per expression text). */
  name: string;
  sql: string;
  params: unknown[];
}

interface Row {
  id: string | null;
  reference: string;
  access_code_hash: string;
  kind: CaseKind;
  state: string;
  office_name: string;
  preferred_language: string;
  interview: ApplicationStatusFacts['interview'];
  interview_held: boolean;
  events: ApplicationStatusFacts['events'] | null;
  alongside?: unknown;
}

/** The latest params of each applicant-facing event type, through case_events' (application_id, type, ...) index. */
const EVENTS = `
    left join lateral (
      select jsonb_object_agg(e.type, e.params) as events
        from (select distinct on (type) type, params
                from case_events
               where application_id = a.id and type in ('documents_requested', 'decision_unfavourable', 'card_ready')
               order by type, occurred_at desc) e
    ) ev on true`;

const COLUMNS = `a.id, a.reference, a.access_code_hash, a.kind, a.state, o.name as office_name, p.preferred_language,
         a.interview, a.interview_held_at is not null as interview_held, ev.events`;

/**
 * The look-up by reference: always one row (so that an unknown reference costs the same work as a known one), on
 * indexes only: the unique index on applications.reference, the primary keys of applicants and offices, and
 * case_events' unique (application_id, type, occurrence_key) for the lateral look-up. No entity is loaded.
 * Exported for the bare baseline of the status benchmark, which runs the very same statement.
 */
export function applicationStatusByReferenceSql(alongsideSql: string): string {
  return `
  select ${COLUMNS},
         ${alongsideSql} as alongside
    from (select $1::text as reference) q
    left join applications a on a.reference = q.reference
    left join applicants p on p.id = a.applicant_id
    left join offices o on o.id = a.office_id
    ${EVENTS}`;
}

const BY_APPLICANT_USER = `
  select ${COLUMNS}
    from applicants p
    join applications a on a.applicant_id = p.id
    join offices o on o.id = a.office_id
    ${EVENTS}
   where p.user_id = $1 and p.merged_into_id is null
   order by a.created_at desc
   limit 100`;

/**
 * The status context's read port: the cases context owns its tables and the statements over them, and answers in
 * the applicant-facing terms above. The hot path of a campaign (every applicant checks again and again), so one
 * named statement per call through the pg pool under TypeORM: each pooled connection parses and plans it once,
 * and DataSource.query's query-runner checkout and result wrapping, a measurable share of the route's CPU, are
 * skipped.
 */
@Injectable()
export class ApplicationStatusReader {
  private readonly pool: Pool;
  private readonly byReferenceText = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  async byReference<T>(reference: string, alongside: AlongsideValue): Promise<{ facts: ApplicationStatusFacts | null; alongside: T }> {
    let text = this.byReferenceText.get(alongside.name);
    if (text === undefined) this.byReferenceText.set(alongside.name, (text = applicationStatusByReferenceSql(alongside.sql)));
    const { rows } = await this.pool.query<Row>({ name: `cases-status-by-reference:${alongside.name}`, text, values: [reference, ...alongside.params] });
    const row = rows[0]!;
    return { facts: row.id ? toFacts(row) : null, alongside: row.alongside as T };
  }

  /** The files of a signed-in applicant's own person record (linked with a reference and access code). */
  async byApplicantUser(userId: string): Promise<ApplicationStatusFacts[]> {
    const rows: Row[] = await this.dataSource.query(BY_APPLICANT_USER, [userId]);
    return rows.map(toFacts);
  }
}

function toFacts(r: Row): ApplicationStatusFacts {
  return {
    applicationId: r.id!,
    reference: r.reference,
    accessCodeHash: r.access_code_hash,
    kind: r.kind,
    state: r.state,
    officeName: r.office_name,
    preferredLanguage: r.preferred_language,
    interview: r.interview,
    interviewHeld: r.interview_held,
    events: r.events ?? {},
  };
}
