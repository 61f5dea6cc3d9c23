import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Databases migrated with an early form of CreateIntake have a foreign key from staged rows to their batch; the
 * rows are COPYed before the batch row exists (same transaction), so it goes.
 */
export class StagedRowsWithoutBatchKey1796000800001 implements MigrationInterface {
  name = 'StagedRowsWithoutBatchKey1796000800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table intake_rows drop constraint if exists intake_rows_batch_id_fkey`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the constraint was never meant to be there.
  }
}
