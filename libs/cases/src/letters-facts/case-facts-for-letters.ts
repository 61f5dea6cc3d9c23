import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { CaseAccess } from '../access/case-access';
import type { CaseKind } from '../domain/workflow/workflow-definition';

/** What a receipt prints about a file. */
export interface ReceiptFacts {
  reference: string;
  officeId: string;
  officeName: string;
  /** The keyed hash of the access code: the counter copy checks the code typed against it. */
  accessCodeHash: string;
  kind: CaseKind;
  category: string | null;
  /** The applicant's preferred language. */
  language: string;
  /** Day of submission (of creation for a draft), YYYY-MM-DD, UTC. */
  submittedOn: string;
  /** The day missing documents are due, when a request for information is running. */
  documentsDueOn: string | null;
}

/** What a decision letter prints about a decision (a history entry) of a file. */
export interface DecisionFacts {
  reference: string;
  kind: CaseKind;
  officeName: string;
  language: string;
  action: string;
  decidedOn: string;
  /** The decision's reasons, one per line; the first-instance decision's when the entry has none. */
  reasons: string[];
  /** The legal appeal deadline (the appeal window clock's due day), when one was started after the decision. */
  appealDeadline: string | null;
  appealBodyName: string | null;
}

/**
 * The cases context as the letters context sees it: the facts a letter prints, and who may read a file's letters.
 * Letters never read the cases tables; a renamed column is fixed here, and tested here
 * (test/cases/case-read-ports.spec.ts).
 */
@Injectable()
export class CaseFactsForLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  async receipt(applicationId: string): Promise<ReceiptFacts | null> {
    if (!isUuid(applicationId)) return null;
    const [row]: {
      reference: string;
      office_id: string;
      office_name: string;
      access_code_hash: string;
      kind: CaseKind;
      category: string | null;
      language: string;
      submitted_on: string;
      documents_due_on: string | null;
    }[] = await this.dataSource.query(
      `select a.reference, a.office_id, o.name as office_name, a.access_code_hash, a.kind, a.category, p.preferred_language as language,
              to_char(coalesce(a.submitted_at, a.created_at) at time zone 'UTC', 'YYYY-MM-DD') as submitted_on,
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
      officeName: row.office_name,
      accessCodeHash: row.access_code_hash,
      kind: row.kind,
      category: row.category,
      language: row.language,
      submittedOn: row.submitted_on,
      documentsDueOn: row.documents_due_on,
    };
  }

  async decision(applicationId: string, decisionId: string): Promise<DecisionFacts | null> {
    if (!isUuid(applicationId) || !isUuid(decisionId)) return null;
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

  /**
   * The file's reference when the actor may read it (the cases context's scope: the office's staff, a region's
   * supervisors, the national commission for the files appealed to it, the applicant through their account); null
   * otherwise, which callers answer as if the file did not exist.
   */
  async readableFile(actor: Actor, applicationId: string): Promise<{ reference: string } | null> {
    if (!isUuid(applicationId)) return null;
    const scope = await this.access.scopeFor(actor);
    const params: unknown[] = [applicationId];
    const cond = CaseAccess.condition(scope, actor, 'a', params);
    const [row]: { reference: string }[] = await this.dataSource.query(`select a.reference from applications a where a.id = $1 and (${cond})`, params);
    return row ? { reference: row.reference } : null;
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
