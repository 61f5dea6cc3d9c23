import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * References locked and addresses blocked after repeated failed status checks. The status look-up reads them in
 * its one statement (two primary-key probes), so a successful check costs no round trip to the rate-limit store;
 * the failures themselves are counted in that store, and the one that exhausts a counter writes the row here.
 */
export class CreateStatusBlocks1796000410000 implements MigrationInterface {
  name = 'CreateStatusBlocks1796000410000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table status_blocks (
        scope text not null check (scope in ('reference', 'address')),
        key text not null check (length(key) <= 64),
        blocked_until timestamptz not null,
        primary key (scope, key)
      )`);
    await q.query(`
      do $$ begin
        if exists (select 1 from pg_roles where rolname = 'masar_app') then
          grant select, insert, update, delete on status_blocks to masar_app;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table status_blocks`);
  }
}
