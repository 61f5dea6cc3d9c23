import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A batch whose import failed for good is `failed`, with a stable code and a readable detail, until an office's
 * staff resume it (the count of resumptions names each new job). A set-aside row gets one decision by a
 * caseworker: registered as a new person, its file attached to a person found, or discarded; with who, when and
 * the reason they gave. The batch counts the decisions (the review list and the batch view read them).
 */
export class FailedBatchesAndReviewDecisions1796000820000 implements MigrationInterface {
  name = 'FailedBatchesAndReviewDecisions1796000820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table intake_batches drop constraint if exists intake_batches_status_check`);
    await q.query(`alter table intake_batches add constraint intake_batches_status_check check (status in ('importing', 'completed', 'failed'))`);
    await q.query(`
      alter table intake_batches
        add column failure_code text,
        add column failure_detail text,
        add column failed_at timestamptz,
        add column resumed_count int not null default 0,
        add column rows_review_registered int not null default 0,
        add column rows_review_attached int not null default 0,
        add column rows_review_discarded int not null default 0,
        add constraint intake_batches_failure_check check ((status = 'failed') = (failure_code is not null))`);
    await q.query(`
      alter table intake_results
        add column decision text check (decision in ('registered_new', 'attached', 'discarded')),
        add column decided_by uuid,
        add column decided_by_role text,
        add column decided_at timestamptz,
        add column decision_reason text,
        add constraint intake_results_decided_check check (decision is null or (outcome = 'review' and decided_by is not null and decided_at is not null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table intake_results drop constraint intake_results_decided_check,
        drop column decision, drop column decided_by, drop column decided_by_role, drop column decided_at, drop column decision_reason`);
    await q.query(`
      alter table intake_batches drop constraint intake_batches_failure_check,
        drop column failure_code, drop column failure_detail, drop column failed_at, drop column resumed_count,
        drop column rows_review_registered, drop column rows_review_attached, drop column rows_review_discarded`);
    await q.query(`update intake_batches set status = 'importing' where status = 'failed'`);
    await q.query(`alter table intake_batches drop constraint intake_batches_status_check`);
    await q.query(`alter table intake_batches add constraint intake_batches_status_check check (status in ('importing', 'completed'))`);
  }
}
