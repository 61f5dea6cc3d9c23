import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseEventParams, CaseKind } from '@masar/cases';

/** What the status page needs to know about one file, read in one round trip. */
export interface StatusFacts {
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
  events: Partial<Record<'documents_requested' | 'decision_unfavourable' | 'card_ready', CaseEventParams>>;
}

interface Row {
  id: string;
  reference: string;
  access_code_hash: string;
  kind: CaseKind;
  state: string;
  office_name: string;
  preferred_language: string;
  interview: StatusFacts['interview'];
  interview_held: boolean;
  events: StatusFacts['events'] | null;
}

/**
 * The hot path of a campaign: every applicant checks again and again. One statement, on indexes only: the unique
 * index on applications.reference, the primary keys of applicants and offices, and case_events' unique
 * (application_id, type, occurrence_key) for the lateral look-up. No entity is loaded.
 *
 * It reads the cases context's tables directly (applications, applicants, case_events) and identity's offices: a
 * deliberate exception to "only through index.ts" for the most called route, kept to this one statement. The
 * columns it depends on are listed here so that a migration that renames one is easy to trace.
 */
const BY_REFERENCE = `
  select a.id, a.reference, a.access_code_hash, a.kind, a.state, o.name as office_name, p.preferred_language,
         a.interview, a.interview_held_at is not null as interview_held, ev.events
    from applications a
    join applicants p on p.id = a.applicant_id
    join offices o on o.id = a.office_id
    left join lateral (
      select jsonb_object_agg(e.type, e.params) as events
        from (select distinct on (type) type, params
                from case_events
               where application_id = a.id and type in ('documents_requested', 'decision_unfavourable', 'card_ready')
               order by type, occurred_at desc) e
    ) ev on true
   where a.reference = $1`;

const BY_APPLICANT_USER = `
  select a.id, a.reference, a.access_code_hash, a.kind, a.state, o.name as office_name, p.preferred_language,
         a.interview, a.interview_held_at is not null as interview_held, ev.events
    from applicants p
    join applications a on a.applicant_id = p.id
    join offices o on o.id = a.office_id
    left join lateral (
      select jsonb_object_agg(e.type, e.params) as events
        from (select distinct on (type) type, params
                from case_events
               where application_id = a.id and type in ('documents_requested', 'decision_unfavourable', 'card_ready')
               order by type, occurred_at desc) e
    ) ev on true
   where p.user_id = $1 and p.merged_into_id is null
   order by a.created_at desc
   limit 100`;

@Injectable()
export class StatusFactsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async byReference(reference: string): Promise<StatusFacts | null> {
    const rows: Row[] = await this.dataSource.query(BY_REFERENCE, [reference]);
    return rows.length ? toFacts(rows[0]!) : null;
  }

  /** The files of a signed-in applicant's own person record (linked with a reference and access code). */
  async byApplicantUser(userId: string): Promise<StatusFacts[]> {
    const rows: Row[] = await this.dataSource.query(BY_APPLICANT_USER, [userId]);
    return rows.map(toFacts);
  }
}

function toFacts(r: Row): StatusFacts {
  return {
    applicationId: r.id,
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
