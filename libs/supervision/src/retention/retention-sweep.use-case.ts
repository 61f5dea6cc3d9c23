import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { EraseNotifications } from '@masar/notifications';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from '../supervision.options';
import { eraseFilePersonalData, erasePersonsWithoutKeptFiles } from './erase-file-personal-data';
import { StoredBlobShredder } from './stored-blob-shredder';

export interface RetentionSweepReport {
  filesErased: number;
  personsErased: number;
  blobsDeleted: number;
}

/**
 * States that end a procedure but not the person's need of the file: a recognised refugee's protection may be
 * reviewed, ceased or revoked at any time, so the file of someone still protected is never erased on a clock.
 */
const KEPT_WHILE_IN_STATE = ['protected'];

/**
 * The retention sweep ('supervision.retention-sweep', daily): every file closed longer ago than its kind's retention
 * period (closure = its last history entry, in a final state), with no active legal hold, has its personal data
 * erased; a person is erased with their last kept file. Batches of `retentionBatch` files, each in one
 * transaction with its audit events ('retention.erased', ids and field names only, so the chain survives); the rows
 * are locked and skipped when busy, so two sweeps never erase the same file twice. Idempotent: an erased file has
 * a `retention_erasures` row and is never picked again; stored bytes are deleted after the commit, and a sweep
 * finishes the deletions an interrupted one left.
 */
@Injectable()
export class RetentionSweep {
  private readonly logger = new Logger(RetentionSweep.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
    private readonly notifications: EraseNotifications,
    private readonly shredder: StoredBlobShredder,
    @Inject(SUPERVISION_OPTIONS) private readonly options: SupervisionOptions,
  ) {}

  async execute(now = new Date()): Promise<RetentionSweepReport> {
    const report: RetentionSweepReport = { filesErased: 0, personsErased: 0, blobsDeleted: 0 };
    report.blobsDeleted += await this.deletePendingBlobs();
    for (;;) {
      const batch = await this.eraseBatch(now);
      report.filesErased += batch.files;
      report.personsErased += batch.persons;
      report.blobsDeleted += await this.deletePendingBlobs();
      if (batch.files < this.options.retentionBatch) break;
    }
    this.logger.log({ ...report }, 'retention sweep done');
    return report;
  }

  private eraseBatch(now: Date): Promise<{ files: number; persons: number }> {
    return this.transactions.run(async (m) => {
      const due: { id: string; kind: string; applicant_id: string; closed_at: Date }[] = await m.query(
        `select a.id, a.kind, a.applicant_id, closure.at as closed_at
           from applications a
           cross join lateral (select max(h.at) as at from case_history h where h.application_id = a.id) closure
          where a.final
            and a.state <> all($4::text[])
            and closure.at < $1::timestamptz - make_interval(years => ($2::jsonb ->> a.kind)::int)
            and not exists (select 1 from retention_erasures e where e.application_id = a.id)
            and not exists (select 1 from legal_holds l where l.application_id = a.id and l.released_at is null)
          order by closure.at, a.id
          limit $3
          for update of a skip locked`,
        [now, JSON.stringify(this.options.retentionYears), this.options.retentionBatch, KEPT_WHILE_IN_STATE],
      );
      if (due.length === 0) return { files: 0, persons: 0 };
      const ids = due.map((d) => d.id);
      const erased = await eraseFilePersonalData(m, ids);
      const notified = await this.notifications.forApplications(m, ids);
      await m.query(
        `insert into retention_erasures (application_id, kind, closed_at, retention_years, documents, letters, notifications, applicant_erased)
         select x.id, x.kind, x.closed_at, x.years, x.documents, x.letters, 0, false
           from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::int[]) as x(id, kind, closed_at, years, documents, letters)`,
        [
          ids,
          due.map((d) => d.kind),
          due.map((d) => d.closed_at),
          due.map((d) => this.options.retentionYears[d.kind as keyof SupervisionOptions['retentionYears']]),
          ids.map((id) => erased.get(id)!.documents),
          ids.map((id) => erased.get(id)!.letters),
        ],
      );
      // Per file, from the notifications context's own count.
      await m.query(
        `update retention_erasures e set notifications = n.count
           from (select application_id, count(*)::int as count from notifications where application_id = any($1::uuid[]) group by 1) n
          where e.application_id = n.application_id`,
        [ids],
      );
      const persons = await erasePersonsWithoutKeptFiles(m, [...new Set(due.map((d) => d.applicant_id))]);
      if (persons.length) await m.query(`update retention_erasures set applicant_erased = true where application_id = any($1::uuid[]) and application_id in (select id from applications where applicant_id = any($2::uuid[]))`, [ids, persons]);
      for (const d of due) {
        const e = erased.get(d.id)!;
        await this.audit.record(m, {
          action: 'retention.erased',
          actorId: null,
          actorRole: SYSTEM_ACTOR.role,
          subjectType: 'application',
          subjectId: d.id,
          applicationId: d.id,
          fields: ['history.reason', 'history.data', 'notes', 'events.params', 'eligibilityFacts', 'interview', 'decision.reason', 'documents', 'letters', 'notifications', ...(persons.includes(d.applicant_id) ? ['applicant'] : [])],
          details: { kind: d.kind, closedAt: new Date(d.closed_at).toISOString(), documents: e.documents, letters: e.letters, applicantId: d.applicant_id, applicantErased: persons.includes(d.applicant_id) },
        });
      }
      this.logger.log({ files: ids.length, persons: persons.length, notifications: notified.notifications }, 'retention batch erased');
      return { files: ids.length, persons: persons.length };
    });
  }

  /** Deletes the bytes queued by committed erasures; one that fails stays queued for the next sweep. */
  private async deletePendingBlobs(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const pending: { sha256: string }[] = await this.transactions.dataSource.query(
        `select sha256 from retention_blob_deletions where deleted_at is null order by queued_at, sha256 limit 500`,
      );
      for (const { sha256 } of pending) {
        await this.shredder.shred(sha256);
        await this.transactions.dataSource.query(`update retention_blob_deletions set deleted_at = now() where sha256 = $1`, [sha256]);
        deleted++;
      }
      if (pending.length < 500) return deleted;
    }
  }
}
