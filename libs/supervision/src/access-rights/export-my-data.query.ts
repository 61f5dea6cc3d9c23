import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseReporting, ExportApplicantData } from '@masar/cases';
import { ExportDocumentData } from '@masar/documents';
import { ExportNotificationData } from '@masar/notifications';
import { DataSource } from 'typeorm';

type Row = Record<string, any>;

/**
 * The right of access: everything Masar holds about the signed-in applicant, as one JSON document. Their account;
 * for each person record linked to it, what the cases context holds (the record decrypted, corrections, files with
 * history, events and notes: `ExportApplicantData`; the files' offices and clocks: `CaseReporting`); and beside each
 * file what the other contexts hold about it, each through the port it exports for this: the documents
 * (`ExportDocumentData`: described, not their bytes, which the applicant downloads one by one), the notifications
 * and in-app messages (`ExportNotificationData`), and the letters. Only what is reached through their own account:
 * nothing of another person. Audited ('personal_data.export'), with counts and ids only.
 *
 * Two reads remain on tables of contexts that export no port for them yet: the account (identity's `users`) and
 * the letters (`issued_letters`, the letters context's).
 */
@Injectable()
export class ExportMyData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ExportApplicantData,
    private readonly files: CaseReporting,
    private readonly documents: ExportDocumentData,
    private readonly notifications: ExportNotificationData,
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
      const byFile = async (sql: string) => groupBy(await m.query(sql, [ids]));
      const [erasures, documents, letters, clocks, notifications] = await Promise.all([
        byFile(`select application_id, erased_at from retention_erasures where application_id = any($1::uuid[])`),
        this.documents.forApplications(m, ids),
        byFile(`select application_id, id, kind, language, issued_at from issued_letters where application_id = any($1::uuid[]) order by issued_at`),
        this.files.clocksOf(ids, m).then((all) => groupBy(all, (k) => k.applicationId)),
        this.notifications.forApplications(m, ids, actor.userId),
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
            documents: documents.get(f.id) ?? [],
            letters: (letters.get(f.id) ?? []).map((l) => ({ id: l.id, kind: l.kind, language: l.language, issuedAt: iso(l.issued_at) })),
            notifications: notifications.get(f.id)?.notifications ?? [],
            inbox: notifications.get(f.id)?.inbox ?? [],
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
