import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { MIGRATIONS, migrationDataSource } from '@masar/db';
import { createTestDatabase, withAdmin, withDatabase, type TestDatabase } from '@masar/testing';

/** Every *.entity.ts of every library: what the code believes the schema is. */
function entityClasses(): Function[] {
  const found: Function[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.entity.ts')) {
        for (const value of Object.values(require(p) as Record<string, unknown>)) if (typeof value === 'function') found.push(value);
      }
    }
  };
  walk(join(__dirname, '..', '..', 'libs'));
  return found;
}

describe('the schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  // Migrations may hold more than the entities say (check constraints, partial indexes, triggers, columns only raw
  // SQL reads); what must never happen is an entity needing a table, column, type or index no migration creates.
  it('holds every table, column, type and index the entities describe', async () => {
    const ds = await new DataSource({ ...dataSourceOptions(db.url, 2), entities: entityClasses() }).initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      const missing = pending.upQueries
        .map((q) => q.query)
        .filter((q) => /^CREATE TABLE|ADD COLUMN|ADD "|ALTER COLUMN "[^"]+" TYPE|ALTER COLUMN "[^"]+" SET NOT NULL|CREATE (UNIQUE )?INDEX/.test(q));
      expect(missing).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('reverts every migration down to an empty database and applies them all again', async () => {
    const admin = process.env.MASAR_TEST_PG_ADMIN!;
    const name = `${db.name}_updown`;
    await withAdmin(admin, (c) => c.query(`create database "${name}"`));
    const ds = await migrationDataSource(withDatabase(admin, name)).initialize();
    try {
      expect((await ds.runMigrations()).length).toBe(MIGRATIONS.length);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      const tables = await ds.query(`select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'schema_migrations'`);
      expect(tables).toEqual([]);
      expect((await ds.runMigrations()).length).toBe(MIGRATIONS.length);
    } finally {
      await ds.destroy();
      await withAdmin(admin, (c) => c.query(`drop database if exists "${name}" with (force)`));
    }
  });
});
