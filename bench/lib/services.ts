import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@masar/database';
import { answers, migrationsFingerprint, withAdmin, withDatabase } from '../../test/support/postgres';
import { ROOT } from './proc';
import { redisAnswers as redisAnswersAt } from '../../test/support/postgres';

/**
 * The PostgreSQL server and Redis the benchmarks use: BENCH_DATABASE_URL (or DATABASE_URL) and BENCH_REDIS_URL
 * (or REDIS_URL) when set, else the local servers on 127.0.0.1, else (PostgreSQL only) an embedded server of this
 * checkout. Each benchmark works in databases of its own, cloned from a migrated template.
 */
export async function adminUrl(): Promise<string> {
  const configured = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (configured) return withDatabase(configured, 'postgres');
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await answers(local)) return local;
  const embedded = await startEmbeddedPostgres(join(ROOT, '.masar', 'bench-pg'), 54331, 'postgres');
  return embedded.url;
}

export async function serverVersion(url: string): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('show server_version')).rows[0].server_version as string;
  } finally {
    await c.end();
  }
}

export function migrate(url: string): void {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts', 'migrate.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: url, MASAR_STATE_DIR: join(ROOT, '.masar', 'bench-state') },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`migrations failed on ${url}:\n${run.stdout}\n${run.stderr}`);
}

/** A migrated template of the current migrations (rebuilt when a migration changes). */
async function template(admin: string): Promise<string> {
  const name = `masar_bench_tpl_${migrationsFingerprint(ROOT)}`;
  await withAdmin(admin, async (c) => {
    await c.query(`select pg_advisory_lock(727273)`);
    try {
      const found = await c.query(`select 1 from pg_database where datname = $1`, [name]);
      if (found.rowCount) return;
      await c.query(`drop database if exists "${name}_build" with (force)`);
      await c.query(`create database "${name}_build"`);
      migrate(withDatabase(admin, `${name}_build`));
      await c.query(`alter database "${name}_build" rename to "${name}"`);
      const old = await c.query(`select datname from pg_database where datname ~ '^masar_bench_tpl_' and datname <> $1`, [name]);
      for (const { datname } of old.rows) await c.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
    } finally {
      await c.query(`select pg_advisory_unlock(727273)`);
    }
  });
  return name;
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the current migrations, named `masar_bench_<label>` (replaced if it exists). */
export async function freshDatabase(label: string): Promise<BenchDatabase> {
  const admin = await adminUrl();
  const tpl = await template(admin);
  const name = `masar_bench_${label}`;
  await withAdmin(admin, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database "${name}" template "${tpl}"`);
        return;
      } catch (e) {
        if (attempt > 30 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  });
  return {
    name,
    url: withDatabase(admin, name),
    drop: () => withAdmin(admin, async (c) => void (await c.query(`drop database if exists "${name}" with (force)`))),
  };
}

/** An existing database if present (a seeded campaign kept between runs). */
export async function existingDatabase(label: string): Promise<BenchDatabase | null> {
  const admin = await adminUrl();
  const name = `masar_bench_${label}`;
  const found = await withAdmin(admin, (c) => c.query(`select 1 from pg_database where datname = $1`, [name]));
  if (!found.rowCount) return null;
  return {
    name,
    url: withDatabase(admin, name),
    drop: () => withAdmin(admin, async (c) => void (await c.query(`drop database if exists "${name}" with (force)`))),
  };
}

export function redisUrl(): string {
  return process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Whether Redis answers; when it does not, says on stderr what the benchmarks need, before the caller stops. */
export async function redisAnswers(url = redisUrl()): Promise<boolean> {
  const ok = await redisAnswersAt(url);
  if (!ok) {
    console.error(
      `Redis does not answer at ${url}: the benchmarks run Masar's API and worker on the Redis queue backend and need a running Redis ` +
        `(start redis-server on 127.0.0.1:6379, or set BENCH_REDIS_URL or REDIS_URL).`,
    );
  }
  return ok;
}

export async function redisVersion(url = redisUrl()): Promise<string> {
  const r = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await r.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
  } finally {
    r.disconnect();
  }
}

/** Removes every key of a queue prefix (bounded SCAN + UNLINK). */
export async function dropQueuePrefix(prefix: string, url = redisUrl()): Promise<number> {
  const r = new IORedis(url, { maxRetriesPerRequest: 1 });
  let removed = 0;
  try {
    let cursor = '0';
    for (let i = 0; i < 100000; i++) {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) removed += await r.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    r.disconnect();
  }
  return removed;
}

export interface BenchSecrets {
  JWT_SECRET: string;
  DATA_KEYS: string;
  BLIND_INDEX_KEY: string;
  ACCESS_CODE_KEY: string;
  AUDIT_SIGNING_KEY: string;
}

/**
 * Production-mode secrets for benchmark processes, generated once per checkout (git-ignored), so that data seeded
 * in one run (encrypted fields, access-code hashes) is readable by servers of a later run.
 */
export function benchSecrets(): BenchSecrets {
  const dir = join(ROOT, '.masar');
  const file = join(dir, 'bench-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as BenchSecrets;
  const k = () => randomBytes(32).toString('base64');
  const s: BenchSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    DATA_KEYS: `bench1:${k()}`,
    BLIND_INDEX_KEY: k(),
    ACCESS_CODE_KEY: k(),
    AUDIT_SIGNING_KEY: k(),
  };
  mkdirSync(dir, { recursive: true });
  // Two benchmarks started together must end with the same keys (a campaign's access codes are hashed with them):
  // written aside, then linked into place, which fails if the other got there first; then theirs is read.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(s, null, 2), { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as BenchSecrets;
}

/**
 * The environment of a production-mode Masar process in a benchmark. The notifications redrive timer is off: in a
 * seeded campaign it finds work no bare side does. (The documents redrive has no timer: it is a scheduled job, which
 * the benchmarks of one side alone turn off with MASAR_SCHEDULES=off.)
 */
export function productionEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    MASAR_NOTIFICATIONS_REDRIVE: 'off',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl(),
    MASAR_STATE_DIR: join(ROOT, '.masar', 'bench-state'),
    STORAGE_DIR: join(ROOT, '.masar', 'bench-state', 'documents'),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    ...benchSecrets(),
    ...extra,
  };
}

/** The pid of the Redis server (INFO server), to read its peak RSS; null when Redis is elsewhere. */
export async function redisPid(url = redisUrl()): Promise<number | null> {
  const r = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await r.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    return Number.isFinite(pid) && existsSync(`/proc/${pid}`) ? pid : null;
  } finally {
    r.disconnect();
  }
}
