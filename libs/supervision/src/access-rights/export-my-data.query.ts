import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseReporting, ExportApplicantData } from '@masar/cases';
import { DataSource } from 'typeorm';

type Row = Record<string, any>;

/**
 * The right of access: everything Masar holds about the signed-in applicant, as one JSON document. Their account;
 * for each person record linked to it, what the cases context holds (the record decrypted, corrections, files with
 * history, events and notes: `ExportApplicantData`); and beside each file what the other contexts hold about it:
 * documents and letters (described, not their bytes, which the applicant downloads one by one), clocks,
 * notifications and in-app messages. Only what is reached through their own account: nothing of another person.
 * Audited ('personal_data.export'), with counts and ids only.
 */
@Injectable()
export class ExportMyData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ExportApplicantData,
    private readonly files: CaseReporting,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor): Promise<Record<string, unknown>> {
    const m = this.dataSource.manager;
    const [account] = await m.query(`select id, email, display_name, role, created_at from users where id = $1`, [actor.userId]);
    const persons = await this.files.personsOfAccount(actor.userId, m);
    const records = [];
    for (const personId of persons) {
      const held = await this.cases.execute(personId);
      const files = await this.files.filesOfPerson(personId, m);
      const ids = files.map((f) => f.id);
      const byFile = async (sql: string, extra: unknown[] = []) => groupBy(await m.query(sql, [ids, ...extra]));
      const [erasures, documents, letters, clocks, notifications, inbox] = await Promise.all([
        byFile(`select application_id, erased_at from retention_erasures where application_id = any($1::uuid[])`),
        byFile(`select application_id, id, kind, content_type, size_bytes, status, rejection_reason, issued_on::text, expires_on::text, uploaded_at from documents where application_id = any($1::uuid[]) order by uploaded_at`),
        byFile(`select application_id, id, kind, language, issued_at from issued_letters where application_id = any($1::uuid[]) order by issued_at`),
        this.files.clocksOf(ids, m).then((all) => groupBy(all, (k) => k.applicationId)),
        byFile(`select application_id, event, params, requested_at, dispatched_at from notifications where application_id = any($1::uuid[]) order by requested_at`),
        byFile(`select application_id, event, language, subject, body, created_at, read_at from notification_inbox where application_id = any($1::uuid[]) and user_id = $2 order by created_at`, [actor.userId]),
      ]);
      const byReference = new Map(files.map((f) => [f.reference, f]));
      records.push({
        ...held,
        files: held.files.map((file) => {
          const f = byReference.get(file.reference)!;
          return {
            ...file,
            office: f.officeName,
            nationality: f.nationality,
            cardExpiresOn: f.cardExpiresOn,
            personalDataErasedAt: iso(erasures.get(f.id)?.[0]?.erased_at),
            clocks: (clocks.get(f.id) ?? []).map((k) => ({ clock: k.clock, startedAt: iso(k.startedAt), dueAt: iso(k.dueAt), stoppedAt: iso(k.stoppedAt) })),
            documents: (documents.get(f.id) ?? []).map((d) => ({ id: d.id, kind: d.kind, contentType: d.content_type, sizeBytes: Number(d.size_bytes), status: d.status, rejectionReason: d.rejection_reason, issuedOn: d.issued_on, expiresOn: d.expires_on, uploadedAt: iso(d.uploaded_at) })),
            letters: (letters.get(f.id) ?? []).map((l) => ({ id: l.id, kind: l.kind, language: l.language, issuedAt: iso(l.issued_at) })),
            notifications: (notifications.get(f.id) ?? []).map((n) => ({ event: n.event, params: n.params, requestedAt: iso(n.requested_at), sentAt: iso(n.dispatched_at) })),
            inbox: (inbox.get(f.id) ?? []).map((i) => ({ event: i.event, language: i.language, subject: i.subject, body: i.body, createdAt: iso(i.created_at), readAt: iso(i.read_at) })),
          };
        }),
      });
    }
    await this.audit.recordNow({
      action: 'personal_data.export',
      actorId: actor.userId,
      actorRole: actor.role,
      subjectType: 'user',
      subjectId: actor.userId,
      details: { persons: records.length, files: records.reduce((n, r) => n + r.files.length, 0) },
    });
    return {
      exportedAt: new Date().toISOString(),
      account: account && { id: account.id, email: account.email, displayName: account.display_name, role: account.role, createdAt: iso(account.created_at) },
      persons: records,
    };
  }
}

function groupBy<T = Row>(rows: T[], key: (row: T) => string = (r) => (r as Row).application_id): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

function iso(v: Date | string | null | undefined): string | null {
  return v === null || v === undefined ? null : new Date(v).toISOString();
}
