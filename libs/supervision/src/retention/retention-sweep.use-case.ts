import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseReporting, EraseApplicantData, PERSON_FILES_SQL } from '@masar/cases';
import { Transactions } from '@masar/database';
import { DocumentStorage, EraseDocumentContents } from '@masar/documents';
import { EraseNotifications } from '@masar/notifications';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from '../supervision.options';
import { eraseFileContents } from './erase-file-personal-data';

export interface RetentionSweepReport {
  personsErased: number;
  filesErased: number;
  blobsDeleted: number;
}

/**
 * States that end a procedure but not the person's need of the file: a recognised refugee's protection may be
 * reviewed, ceased or revoked at any time, so the file of someone still protected is never erased on a clock.
 */
const KEPT_WHILE_IN_STATE = ['protected'];

/**
 * A person whose every file is closed, past its retention, in no kept state and under no legal hold; over the
 * cases context's relation of the persons on record and their files.
 */
const DUE_PERSONS = `
  select f.applicant_id,
         array_agg(f.application_id order by f.application_id) as application_ids,
         array_agg(f.kind order by f.application_id) as kinds,
         array_agg(f.closed_at order by f.application_id) as closed_at
    from (${PERSON_FILES_SQL}) f
   where ($4::uuid is null or f.applicant_id = $4) and f.applicant_id <> all($5::uuid[])
   group by f.applicant_id
  -- coalesce: bool_and skips NULLs, and a file with no closure date or no retention period must keep the person.
  having bool_and(coalesce(f.final and f.state <> all($3::text[])
                  and f.closed_at < $1::timestamptz - make_interval(years => ($2::jsonb ->> f.kind)::int), false))
     and not bool_or(exists (select 1 from legal_holds l where l.application_id = f.application_id and l.released_at is null))`;

interface DuePerson {
  applicant_id: string;
  application_ids: string[];
  kinds: string[];
  closed_at: Date[];
}

/**
 * The retention sweep ('supervision.retention-sweep', daily). A person's data are erased once every one of their
 * files is closed (final) for longer than its kind's retention period (closure: the file's last history entry)
 * and none has an active legal hold: a person with a file still open, within retention, or held, keeps their
 * record, since the kept file still needs it. Erasing is the owners' work: cases (`EraseApplicantData`: the person
 * and what the files say of them), notifications (`EraseNotifications`), documents (`EraseDocumentContents`), and
 * here the letters' stored bytes and the reviewers' comments. The files stay, anonymous, so the statistics keep their counts.
 *
 * One transaction per person: the person's files are locked (a legal hold being set waits, or is seen), the
 * conditions checked again under the lock, the erasure done, a `retention_erasures` row written per file, and the
 * audit events last ('retention.erased', ids and field names only: the chain never holds what is erased).
 * Idempotent: an erased person is never picked again; stored bytes are deleted after the commit, and a sweep
 * finishes the deletions an interrupted one left.
 */
@Injectable()
export class RetentionSweep {
  private readonly logger = new Logger(RetentionSweep.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
    private readonly persons: EraseApplicantData,
    private readonly cases: CaseReporting,
    private readonly notifications: EraseNotifications,
    private readonly documents: EraseDocumentContents,
    private readonly storage: DocumentStorage,
    @Inject(SUPERVISION_OPTIONS) private readonly options: SupervisionOptions,
  ) {}

  async execute(now = new Date()): Promise<RetentionSweepReport> {
    const report: RetentionSweepReport = { personsErased: 0, filesErased: 0, blobsDeleted: 0 };
    report.blobsDeleted += await this.deletePendingBlobs();
    const years = JSON.stringify(this.options.retentionYears);
    // A person found due but no longer due under the lock (a hold set meanwhile) is left for the next sweep.
    const skipped: string[] = [];
    for (;;) {
      const due: DuePerson[] = await this.transactions.dataSource.query(`${DUE_PERSONS} order by f.applicant_id limit $6`, [now, years, KEPT_WHILE_IN_STATE, null, skipped, this.options.retentionBatch]);
      if (due.length === 0) break;
      for (const person of due) {
        const files = await this.transactions.run((m) => this.erasePerson(m, person.applicant_id, now, years));
        if (files === 0) skipped.push(person.applicant_id);
        else {
          report.personsErased++;
          report.filesErased += files;
        }
      }
      report.blobsDeleted += await this.deletePendingBlobs();
    }
    this.logger.log({ ...report }, 'retention sweep done');
    return report;
  }

  /** Erases one person under lock; 0 when the person is no longer due (a hold set meanwhile, a file reopened). */
  private async erasePerson(m: EntityManager, applicantId: string, now: Date, years: string): Promise<number> {
    const { mergedRecords } = await this.cases.lockPersonFiles(m, applicantId);
    const [person]: DuePerson[] = await m.query(DUE_PERSONS, [now, years, KEPT_WHILE_IN_STATE, applicantId, []]);
    if (!person) return 0;
    const ids = person.application_ids;
    const contents = await eraseFileContents(m, ids, this.documents);
    await this.notifications.forApplications(m, ids);
    await this.persons.execute(m, applicantId);
    // Records merged into this person are the same person, with their own copy of the name and identifiers.
    for (const id of mergedRecords) await this.persons.execute(m, id);
    const notified: { application_id: string; n: number }[] = await m.query(
      `select application_id, count(*)::int as n from notifications where application_id = any($1::uuid[]) group by 1`,
      [ids],
    );
    const notificationsOf = new Map(notified.map((n) => [n.application_id, n.n]));
    await m.query(
      `insert into retention_erasures (application_id, applicant_id, kind, closed_at, retention_years, documents, letters, notifications)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::int[], $6::int[], $7::int[], $8::int[])`,
      [
        ids,
        ids.map(() => applicantId),
        person.kinds,
        person.closed_at,
        person.kinds.map((k) => this.options.retentionYears[k as keyof SupervisionOptions['retentionYears']]),
        ids.map((id) => contents.get(id)!.documents),
        ids.map((id) => contents.get(id)!.letters),
        ids.map((id) => notificationsOf.get(id) ?? 0),
      ],
    );
    for (const [i, id] of ids.entries()) {
      await this.audit.record(m, {
        action: 'retention.erased',
        actorId: null,
        actorRole: SYSTEM_ACTOR.role,
        subjectType: 'application',
        subjectId: id,
        applicationId: id,
        fields: ['applicant', 'eligibilityFacts', 'decision.reason', 'history.reason', 'notes', 'events.params', 'documents', 'letters', 'notifications'],
        details: { applicantId, kind: person.kinds[i]!, closedAt: new Date(person.closed_at[i]!).toISOString(), documents: contents.get(id)!.documents, letters: contents.get(id)!.letters },
      });
    }
    return ids.length;
  }

  /** Deletes the bytes queued by committed erasures; one that fails stays queued for the next sweep. */
  private async deletePendingBlobs(): Promise<number> {
    let deleted = 0;
    const ds = this.transactions.dataSource;
    for (;;) {
      const pending: { sha256: string }[] = await ds.query(`select sha256 from retention_blob_deletions where deleted_at is null order by queued_at, sha256 limit 500`);
      for (const { sha256 } of pending) {
        await this.storage.remove(sha256);
        await ds.query(`update retention_blob_deletions set deleted_at = now() where sha256 = $1`, [sha256]);
        deleted++;
      }
      if (pending.length < 500) return deleted;
    }
  }
}
