import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { createTestDatabase, type TestDatabase } from '@masar/testing';
import { AuditMigrations } from '@masar/audit';
// The audit context's own tests may look inside it: the entities are not part of its public API.
import { AuditCheckpointRow } from '../../libs/audit/src/audit-checkpoint.entity';
import { AuditEventRow } from '../../libs/audit/src/audit-event.entity';

/**
 * The audit entities describe exactly what the migrations made: a generated migration must propose nothing for
 * them (it once proposed to drop the search indexes, which nobody would have noticed in review).
 */
describe('audit schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('has no drift between the entities and the migrations', async () => {
    const ds = await new DataSource({ ...dataSourceOptions(db.url, 1), entities: [AuditEventRow, AuditCheckpointRow] }).initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('reverts and re-applies cleanly (migration:revert), the masar_app role staying for the other tables', async () => {
    const ds = await new DataSource(dataSourceOptions(db.url, 1)).initialize();
    const runner = ds.createQueryRunner();
    try {
      const migrations = AuditMigrations.map((M) => new (M as new () => { up(q: unknown): Promise<void>; down(q: unknown): Promise<void> })());
      for (const m of [...migrations].reverse()) await m.down(runner);
      expect(await runner.query(`select to_regclass('audit_events') as t`)).toEqual([{ t: null }]);
      for (const m of migrations) await m.up(runner);
      expect(await runner.query(`select count(*)::int as n from audit_events`)).toEqual([{ n: 0 }]);
      expect(await runner.query(`select has_table_privilege('masar_app', 'audit_events', 'UPDATE') as can`)).toEqual([{ can: false }]);
      expect(await runner.query(`select has_function_privilege('masar_app', 'audit_append_many(jsonb, text[])', 'EXECUTE') as can`)).toEqual([{ can: true }]);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});
