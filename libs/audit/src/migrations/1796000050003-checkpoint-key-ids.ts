import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which key signed each checkpoint, so that the signing key can rotate (AUDIT_SIGNING_KEYS: the first signs, all
 * verify). Checkpoints written before were signed with the single AUDIT_SIGNING_KEY, whose id is 'default'. Adding a
 * column with a constant default rewrites no row, so the append-only trigger is not involved; the default is then
 * dropped so that every new checkpoint names its key.
 */
export class CheckpointKeyIds1796000050003 implements MigrationInterface {
  name = 'CheckpointKeyIds1796000050003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table audit_checkpoints add column key_id text not null default 'default'`);
    await q.query(`alter table audit_checkpoints alter column key_id drop default`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table audit_checkpoints drop column key_id`);
  }
}
