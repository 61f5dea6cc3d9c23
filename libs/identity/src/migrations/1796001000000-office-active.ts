import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offices can be deactivated by an administrator (no new staff is placed in them and they leave the pickers); the
 * row stays, since files, users and audit events name it. Only an office with no open file may be deactivated.
 */
export class OfficeActive1796001000000 implements MigrationInterface {
  name = 'OfficeActive1796001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table offices add column active boolean not null default true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table offices drop column active`);
  }
}
