import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CasesErrors } from '../cases.errors';
import { stateOf } from '../domain/workflow/workflow-definition';
import { workflowFor } from '../domain/workflow/workflows';
import type { CaseKind } from '../domain/workflow/workflow-definition';
import { ApplicantRecords, type ApplicantRecord } from './applicant-records';

export interface ApplicantDataExport {
  exportedAt: string;
  person: ApplicantRecord;
  corrections: { fields: string[]; reason: string; correctedAt: string }[];
  files: {
    reference: string;
    kind: string;
    category: string | null;
    criteriaVersion: string | null;
    state: string;
    stage: string;
    submittedAt: string | null;
    decidedAt: string | null;
    history: { action: string; from: string | null; to: string; byRole: string; reason: string | null; at: string }[];
    events: { type: string; params: unknown; at: string }[];
    notes: { body: string; at: string }[];
    flags: { kind: string; note: string | null; raisedAt: string; clearedAt: string | null }[];
    referrals: { service: string; consentGivenOn: string; note: string | null; referredAt: string }[];
  }[];
}

/**
 * Everything the cases context holds about a person, decrypted, for the right of access (the status context serves
 * it to the signed-in applicant). Staff are named by role, not by person; access codes and internal keys are not
 * personal data of the applicant and are left out.
 */
@Injectable()
export class ExportApplicantData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: ApplicantRecords,
  ) {}

  async execute(applicantId: string): Promise<ApplicantDataExport> {
    const m = this.dataSource.manager;
    const person = await this.records.read(m, applicantId);
    if (!person) throw CasesErrors.applicantNotFound();
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    const corrections: { fields: string[]; reason: string; corrected_at: Date }[] = await m.query(
      `select fields, reason, corrected_at from applicant_corrections where applicant_id = $1 order by corrected_at`,
      [applicantId],
    );
    const apps: { id: string; reference: string; kind: CaseKind; category: string | null; criteria_version: string | null; state: string; submitted_at: Date | null; decided_at: Date | null }[] =
      await m.query(`select id, reference, kind, category, criteria_version, state, submitted_at, decided_at from applications where applicant_id = $1 order by created_at`, [applicantId]);
    const files = [];
    for (const a of apps) {
      const [history, events, notes, flags, referrals] = await Promise.all([
        m.query(`select action, from_state, to_state, actor_role, reason, at from case_history where application_id = $1 order by version`, [a.id]),
        m.query(`select type, params, occurred_at from case_events where application_id = $1 order by occurred_at`, [a.id]),
        m.query(`select body, created_at from case_notes where application_id = $1 order by created_at`, [a.id]),
        m.query(`select kind, note, raised_at, cleared_at from case_flags where application_id = $1 order by raised_at`, [a.id]),
        m.query(`select service, consent_given_on::text as consent_given_on, note, referred_at from case_referrals where application_id = $1 order by referred_at`, [a.id]),
      ]);
      files.push({
        reference: a.reference,
        kind: a.kind,
        category: a.category,
        criteriaVersion: a.criteria_version,
        state: a.state,
        stage: stateOf(workflowFor(a.kind), a.state)?.stage ?? 'closed',
        submittedAt: iso(a.submitted_at),
        decidedAt: iso(a.decided_at),
        history: history.map((h: any) => ({ action: h.action, from: h.from_state, to: h.to_state, byRole: h.actor_role, reason: h.reason, at: iso(h.at)! })),
        events: events.map((e: any) => ({ type: e.type, params: e.params, at: iso(e.occurred_at)! })),
        notes: notes.map((n: any) => ({ body: n.body, at: iso(n.created_at)! })),
        flags: flags.map((f: any) => ({ kind: f.kind, note: f.note, raisedAt: iso(f.raised_at)!, clearedAt: iso(f.cleared_at) })),
        referrals: referrals.map((r: any) => ({ service: r.service, consentGivenOn: r.consent_given_on, note: r.note, referredAt: iso(r.referred_at)! })),
      });
    }
    return {
      exportedAt: new Date().toISOString(),
      person,
      corrections: corrections.map((c) => ({ fields: c.fields, reason: c.reason, correctedAt: iso(c.corrected_at)! })),
      files,
    };
  }
}
