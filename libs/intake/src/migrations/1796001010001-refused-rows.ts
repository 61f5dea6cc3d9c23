import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staged row the import refused alone (its chunk bisected until the row that fails is by itself): its result is
 * `refused`, with a stable code and a reason made of codes (never a value of the row); the batch counts them, so
 * the rest of the batch goes on and completes.
 */
export class RefusedRows1796001010001 implements MigrationInterface {
  name = 'RefusedRows1796001010001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table intake_results drop constraint if exists intake_results_outcome_check`);
    await q.query(`
      alter table intake_results
        add constraint intake_results_outcome_check check (outcome in ('imported', 'review', 'refused')),
        add column refusal_code text,
        add column refusal_reason text,
        add constraint intake_results_refused_check check ((outcome = 'refused') = (refusal_code is not null))`);
    await q.query(`alter table intake_batches add column rows_refused int not null default 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table intake_batches drop column rows_refused`);
    await q.query(`delete from intake_results where outcome = 'refused'`);
    await q.query(`alter table intake_results drop constraint intake_results_refused_check, drop column refusal_code, drop column refusal_reason`);
    await q.query(`alter table intake_results drop constraint intake_results_outcome_check`);
    await q.query(`alter table intake_results add constraint intake_results_outcome_check check (outcome in ('imported', 'review'))`);
  }
}
