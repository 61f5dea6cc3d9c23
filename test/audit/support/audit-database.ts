import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { createTestDatabase, withAdmin, withDatabase, type TestDatabase } from '@masar/testing';

export type { TestDatabase };

/** A database of its own on the real migrations (the shared harness clones its migrated template). */
export function createAuditDatabase(): Promise<TestDatabase> {
  return createTestDatabase();
}

function adminUrl(): string {
  const admin = process.env.MASAR_TEST_PG_ADMIN;
  if (!admin) throw new Error('the Jest global set-up did not run (MASAR_TEST_PG_ADMIN is not set)');
  return admin;
}

/** A copy of another test database (which must have no open connections): a prepared chain for each test. */
export async function cloneDatabase(template: TestDatabase): Promise<TestDatabase> {
  const name = `${template.name}_c${randomBytes(3).toString('hex')}`;
  await withAdmin(adminUrl(), async (c) => void (await c.query(`create database "${name}" template "${template.name}"`)));
  return {
    name,
    url: withDatabase(adminUrl(), name),
    drop: () => withAdmin(adminUrl(), async (c) => void (await c.query(`drop database if exists "${name}" with (force)`))),
  };
}

export async function openDataSource(url: string, poolSize = 10): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, poolSize)).initialize();
}

/** A single pg connection as the superuser (to tamper as an attacker with database rights would). */
export async function superuser(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}
