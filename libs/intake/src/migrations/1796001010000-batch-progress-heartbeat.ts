import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The import's heartbeat: `progress_at` moves with every committed chunk (and at upload, resume and re-queue), so a
 * batch `importing` whose import stopped without marking it (its retries spent while PostgreSQL was down, its job
 * lost with the queue's store) can be told from one that runs. `requeued_count` counts the sweep's automatic
 * re-queues of such a batch, which are limited before the sweep fails it.
 */
export class BatchProgressHeartbeat1796001010000 implements MigrationInterface {
  name = 'BatchProgressHeartbeat1796001010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table intake_batches
        add column progress_at timestamptz not null default now(),
        add column requeued_count int not null default 0`);
    await q.query(`create index intake_batches_importing_idx on intake_batches (progress_at) where status = 'importing'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index intake_batches_importing_idx`);
    await q.query(`alter table intake_batches drop column progress_at, drop column requeued_count`);
  }
}
