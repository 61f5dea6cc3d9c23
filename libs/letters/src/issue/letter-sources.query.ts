import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseKind } from '@masar/cases';

export interface ReceiptSource {
  reference: string;
  officeId: string;
  /** The keyed hash of the access code: the counter copy checks the code typed against it. */
  accessCodeHash: string;
  kind: CaseKind;
  category: string | null;
  officeName: string;
  language: string;
  submittedOn: string;
  /** Kinds of the documents on the file that were not rejected. */
  documentKinds: string[];
  /** The day missing documents are due, when a request for information is running. */
  documentsDueOn: string | null;
}

export interface DecisionSource {
  reference: string;
  kind: CaseKind;
  officeName: string;
  language: string;
  action: string;
  decidedOn: string;
  reasons: string[];
  /** The legal appeal deadline (the appeal window clock's due day), when one was started. */
  appealDeadline: string | null;
  appealBodyName: string | null;
}

/**
 * What a letter needs, re-read from the database when the job runs (a job carries ids only). It reads the cases
 * context's tables, identity's offices and the documents context's documents: letters are a view of the file, and
 * no port offers these facts in one place yet. Every statement is here, so a renamed column is easy to trace.
 */
@Injectable()
export class LetterSources {
  constructor(private readonly dataSource: DataSource) {}

  async receipt(applicationId: string): Promise<ReceiptSource | null> {
    const [row]: {
      reference: string;
      office_id: string;
      access_code_hash: string;
      kind: CaseKind;
      category: string | null;
      office_name: string;
      language: string;
      submitted_on: string;
      document_kinds: string[];
      documents_due_on: string | null;
    }[] = await this.dataSource.query(
      `select a.reference, a.office_id, a.access_code_hash, a.kind, a.category, o.name as office_name, p.preferred_language as language,
              to_char(coalesce(a.submitted_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD') as submitted_on,
              array(select distinct d.kind from documents d where d.application_id = a.id and d.status <> 'rejected' order by 1) as document_kinds,
              (select to_char(c.due_at at time zone 'UTC', 'YYYY-MM-DD') from case_deadlines c
                where c.application_id = a.id and c.clock = 'information_request' and c.stopped_at is null) as documents_due_on
         from applications a
         join applicants p on p.id = a.applicant_id
         join offices o on o.id = a.office_id
        where a.id = $1`,
      [applicationId],
    );
    if (!row) return null;
    return {
      reference: row.reference,
      officeId: row.office_id,
      accessCodeHash: row.access_code_hash,
      kind: row.kind,
      category: row.category,
      officeName: row.office_name,
      language: row.language,
      submittedOn: row.submitted_on,
      documentKinds: row.document_kinds,
      documentsDueOn: row.documents_due_on,
    };
  }

  async decision(applicationId: string, decisionId: string): Promise<DecisionSource | null> {
    const [row]: {
      reference: string;
      kind: CaseKind;
      office_name: string;
      language: string;
      action: string;
      decided_on: string;
      reason: string | null;
      first_reason: string | null;
      appeal_deadline: string | null;
      appeal_body_name: string | null;
    }[] = await this.dataSource.query(
      `select a.reference, a.kind, o.name as office_name, p.preferred_language as language, h.action,
              to_char(h.at at time zone 'UTC', 'YYYY-MM-DD') as decided_on, h.reason, a.first_decision->>'reason' as first_reason,
              (select to_char(c.due_at at time zone 'UTC', 'YYYY-MM-DD') from case_deadlines c
                where c.application_id = a.id and c.clock = 'appeal_window' and c.started_at >= h.at
                order by c.started_at limit 1) as appeal_deadline,
              (select name from offices where kind = 'national_commission' order by code limit 1) as appeal_body_name
         from case_history h
         join applications a on a.id = h.application_id
         join applicants p on p.id = a.applicant_id
         join offices o on o.id = a.office_id
        where h.id = $2 and h.application_id = $1`,
      [applicationId, decisionId],
    );
    if (!row) return null;
    const reason = row.reason ?? row.first_reason;
    return {
      reference: row.reference,
      kind: row.kind,
      officeName: row.office_name,
      language: row.language,
      action: row.action,
      decidedOn: row.decided_on,
      reasons: reason ? reason.split(/\n+/).map((r) => r.trim()).filter(Boolean) : [],
      appealDeadline: row.appeal_deadline,
      appealBodyName: row.appeal_body_name,
    };
  }
}
