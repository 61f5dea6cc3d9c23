import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { createTestDatabase, type TestDatabase } from '@masar/testing';
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
});
