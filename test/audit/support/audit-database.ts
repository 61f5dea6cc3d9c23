import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { AuditMigrations } from '@masar/audit';

/**
 * A throwaway database per test file on the machine's PostgreSQL, migrated with the audit migrations only.
 * Stands in until the shared harness (@masar/testing) lands.
 */
export const ADMIN_URL = process.env.MASAR_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(prefix: string, template?: string): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"${template ? ` template "${template}"` : ''}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** A new database with the audit schema. */
export async function createAuditDatabase(prefix = 'audit_test'): Promise<TestDatabase> {
  const db = await createDatabase(prefix);
  const ds = await openDataSource(db.url, 2);
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return db;
}

export async function openDataSource(url: string, poolSize = 10): Promise<DataSource> {
  const ds = new DataSource({ ...dataSourceOptions(url, poolSize), migrations: AuditMigrations, migrationsTableName: 'migrations' });
  return ds.initialize();
}

/** A single pg connection as the superuser (to tamper as an attacker with database rights would). */
export async function superuser(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}
