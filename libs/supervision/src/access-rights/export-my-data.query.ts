import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CasesCrypto } from '@masar/cases';
import { Transactions } from '@masar/database';

type Row = Record<string, any>;

/**
 * What Masar withholds from the export, said in the export itself: a caseworker's internal working notes (they may
 * hold security-check details whose disclosure the data-protection law allows to defer; a decision for the data
 * protection officer, who can release them on request) and the audit trail (ids of staff and of events, no data
 * about the person beyond what the export already holds).
 */
export const WITHHELD = ['case_notes', 'audit_trail'] as const;

/**
 * The right of access: everything Masar holds about the signed-in applicant, as one JSON document: their account,
 * the person records linked to it (decrypted), their files with history, decisions, clocks, what they were told,
 * their documents' and letters' descriptions, and the notifications sent to them. Only records reached through
 * their own account: nothing of another person. The export is audited ('personal_data.export'), ids only.
 */
@Injectable()
export class ExportMyData {
  constructor(
    private readonly transactions: Transactions,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor): Promise<Record<string, unknown>> {
    // One REPEATABLE READ snapshot, so that the parts of the export agree with each other.
    const data = await this.transactions.run((m) => this.collect(m, actor.userId), 'REPEATABLE READ');
    await this.audit.recordNow({
      action: 'personal_data.export',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'user',
      subjectId: actor.userId,
      details: { persons: (data.persons as unknown[]).length, files: (data.files as unknown[]).length },
    });
    return data;
  }

  private async collect(m: EntityManager, userId: string): Promise<Record<string, unknown>> {
    const [account] = await m.query(`select id, email, display_name, role, created_at from users where id = $1`, [userId]);
    const persons: Row[] = await m.query(`select * from applicants where user_id = $1 order by created_at`, [userId]);
    const personIds = persons.map((p) => p.id);
    const docsOfPersons: Row[] = await m.query(`select *, expires_on::text as expires_day from applicant_identity_documents where applicant_id = any($1::uuid[]) order by created_at`, [personIds]);
    const corrections: Row[] = await m.query(`select applicant_id, field, reason, corrected_at from personal_data_corrections where applicant_id = any($1::uuid[]) order by corrected_at`, [personIds]);
    const files: Row[] = await m.query(
      `select a.*, a.card_expires_on::text as card_expires_day, o.name as office_name, e.erased_at from applications a join offices o on o.id = a.office_id
         left join retention_erasures e on e.application_id = a.id
        where a.applicant_id = any($1::uuid[]) order by a.created_at`,
      [personIds],
    );
    const fileIds = files.map((f) => f.id);
    const byFile = async (sql: string, extra: unknown[] = []) => groupBy<Row>(await m.query(sql, [fileIds, ...extra]), 'application_id');
    const history = await byFile(`select application_id, action, from_state, to_state, actor_role, reason, at from case_history where application_id = any($1::uuid[]) order by version`);
    const events = await byFile(`select application_id, type, params, occurred_at from case_events where application_id = any($1::uuid[]) order by occurred_at`);
    const clocks = await byFile(`select application_id, clock, started_at, due_at, stopped_at from case_deadlines where application_id = any($1::uuid[]) order by started_at`);
    const documents = await byFile(
      `select application_id, id, kind, content_type, size_bytes, status, rejection_reason, issued_on::text, expires_on::text, uploaded_at
         from documents where application_id = any($1::uuid[]) order by uploaded_at`,
    );
    const letters = await byFile(`select application_id, id, kind, language, issued_at from issued_letters where application_id = any($1::uuid[]) order by issued_at`);
    const notifications = await byFile(`select application_id, event, params, requested_at, dispatched_at from notifications where application_id = any($1::uuid[]) order by requested_at`);
    const inbox = await byFile(`select application_id, event, language, subject, body, created_at, read_at from notification_inbox where application_id = any($1::uuid[]) and user_id = $2 order by created_at`, [userId]);

    const c = this.crypto.cipher;
    const open = (v: string | null, field: string) => (v ? c.decrypt(v, field) : null);
    return {
      exportedAt: new Date().toISOString(),
      withheld: WITHHELD,
      account: account && { id: account.id, email: account.email, displayName: account.display_name, role: account.role, createdAt: iso(account.created_at) },
      persons: persons.map((p) => ({
        id: p.id,
        latinName: p.latin_name,
        arabicName: p.arabic_name,
        birthDate: p.birth_date_enc ? JSON.parse(open(p.birth_date_enc, 'applicants.birth_date')!) : p.birth_year ? { year: p.birth_year } : null,
        sex: p.sex,
        nationality: p.nationality,
        phone: open(p.phone_enc, 'applicants.phone'),
        email: open(p.email_enc, 'applicants.email'),
        address: open(p.address_enc, 'applicants.address'),
        preferredLanguage: p.preferred_language,
        createdAt: iso(p.created_at),
        identityDocuments: docsOfPersons
          .filter((d) => d.applicant_id === p.id)
          .map((d) => ({ type: d.type, number: open(d.number_enc, 'applicant_identity_documents.number'), issuingCountry: d.issuing_country, expiresOn: d.expires_day })),
        corrections: corrections.filter((x) => x.applicant_id === p.id).map((x) => ({ field: x.field, reason: x.reason, correctedAt: iso(x.corrected_at) })),
      })),
      files: files.map((f) => ({
        id: f.id,
        personId: f.applicant_id,
        reference: f.reference,
        kind: f.kind,
        category: f.category,
        criteriaVersion: f.criteria_version,
        modality: f.modality,
        state: f.state,
        office: f.office_name,
        nationality: f.nationality,
        submittedAt: iso(f.submitted_at),
        decidedAt: iso(f.decided_at),
        decision: f.first_decision ? { outcome: f.first_decision.outcome, reason: f.first_decision.reason ?? null, at: f.first_decision.at } : null,
        eligibilityFacts: f.eligibility_facts_enc ? JSON.parse(open(f.eligibility_facts_enc, 'applications.eligibility_facts')!) : null,
        interview: f.interview,
        cardExpiresOn: f.card_expires_day,
        personalDataErasedAt: iso(f.erased_at),
        history: (history.get(f.id) ?? []).map((h) => ({ action: h.action, from: h.from_state, to: h.to_state, byRole: h.actor_role, reason: h.reason, at: iso(h.at) })),
        clocks: (clocks.get(f.id) ?? []).map((k) => ({ clock: k.clock, startedAt: iso(k.started_at), dueAt: iso(k.due_at), stoppedAt: iso(k.stopped_at) })),
        events: (events.get(f.id) ?? []).map((e) => ({ type: e.type, params: e.params, occurredAt: iso(e.occurred_at) })),
        documents: (documents.get(f.id) ?? []).map((d) => ({ id: d.id, kind: d.kind, contentType: d.content_type, sizeBytes: Number(d.size_bytes), status: d.status, rejectionReason: d.rejection_reason, issuedOn: d.issued_on, expiresOn: d.expires_on, uploadedAt: iso(d.uploaded_at) })),
        letters: (letters.get(f.id) ?? []).map((l) => ({ id: l.id, kind: l.kind, language: l.language, issuedAt: iso(l.issued_at) })),
        notifications: (notifications.get(f.id) ?? []).map((n) => ({ event: n.event, params: n.params, requestedAt: iso(n.requested_at), sentAt: iso(n.dispatched_at) })),
        inbox: (inbox.get(f.id) ?? []).map((i) => ({ event: i.event, language: i.language, subject: i.subject, body: i.body, createdAt: iso(i.created_at), readAt: iso(i.read_at) })),
      })),
    };
  }
}

function groupBy<T extends Row>(rows: T[], key: string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r[key], [...(out.get(r[key]) ?? []), r]);
  return out;
}

function iso(v: Date | string | null | undefined): string | null {
  return v === null || v === undefined ? null : new Date(v).toISOString();
}
