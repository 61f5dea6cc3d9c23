import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Search by subject: who downloaded this document, who changed this user, what happened to this report. */
export class IndexAuditEventsBySubject1796000050002 implements MigrationInterface {
  name = 'IndexAuditEventsBySubject1796000050002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index audit_events_subject_idx on audit_events (subject_type, subject_id, seq) where subject_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index audit_events_subject_idx`);
  }
}
