import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { MIGRATIONS } from './schema';

export function migrationDataSource(url: string): DataSource {
  return new DataSource({ ...dataSourceOptions(url, 2), migrations: MIGRATIONS, migrationsTableName: 'schema_migrations', migrationsTransactionMode: 'each' });
}

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = await migrationDataSource(url).initialize();
  try {
    const applied = await ds.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

export async function revertLastMigration(url: string): Promise<void> {
  const ds = await migrationDataSource(url).initialize();
  try {
    await ds.undoLastMigration();
  } finally {
    await ds.destroy();
  }
}
