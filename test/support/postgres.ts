import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';

/** The PostgreSQL server tests use: TEST_DATABASE_URL or DATABASE_URL when set, else the local one, else embedded. */
export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function answers(url: string, timeoutMs = 1500): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Whether a Redis server answers PING at `url` (no retries, no offline queue: a quick yes or no). */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const r = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, enableOfflineQueue: false, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** The same URL pointing at another database of the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

/** A hash of every migration's source: the template is rebuilt when any migration changes. */
export function migrationsFingerprint(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (dir.endsWith('migrations') && name.endsWith('.ts')) h.update(name).update(readFileSync(p));
    }
  };
  walk(join(root, 'libs'));
  h.update(readFileSync(join(root, 'db', 'schema.ts')));
  return h.digest('hex').slice(0, 12);
}

export async function withAdmin<T>(adminUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
