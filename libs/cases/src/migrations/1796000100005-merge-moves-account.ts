import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A merge also moves the person's sign-in account to the surviving record when it had none; undo moves it back. */
export class MergeMovesAccount1796000100005 implements MigrationInterface {
  name = 'MergeMovesAccount1796000100005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table applicant_merges add column moved_user_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table applicant_merges drop column moved_user_id`);
  }
}
