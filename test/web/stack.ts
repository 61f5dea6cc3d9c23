/**
 * The real Masar for the browser tests: a database of its own on the machine's PostgreSQL (or the embedded one),
 * migrated and seeded with the demo offices and staff, and the API and the worker started as two processes exactly
 * as `npm run demo` starts them, with the API serving the built web application.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { runMigrations } from '@masar/db';
import { seedDemoStaff } from '@masar/identity';
import { startEmbeddedPostgres } from '../../libs/platform/database/src/embedded-postgres';
import { answers, withDatabase } from '../support/postgres';

export const ROOT = join(__dirname, '..', '..');
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';



async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

async function waitReady(url: string, children: ChildProcess[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) throw new Error(`a Masar process exited with code ${dead.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} was not ready after ${timeoutMs / 1000} s`);
}

export async function startStack(opts: { keepDatabase?: boolean; verbose?: boolean } = {}): Promise<Stack> {
  const configured = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let adminUrl: string;
  if (configured) adminUrl = withDatabase(configured, 'postgres');
  else if (await answers(LOCAL_POSTGRES)) adminUrl = LOCAL_POSTGRES;
  else adminUrl = (await startEmbeddedPostgres(join(ROOT, '.masar', 'test-pg'), 54330, 'postgres')).url;
  const name = `masar_web_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database "${name}"`));
  const databaseUrl = withDatabase(adminUrl, name);
  await runMigrations(databaseUrl);
  const ds = await new DataSource(dataSourceOptions(databaseUrl, 2)).initialize();
  try {
    await seedDemoStaff(ds.manager);
  } finally {
    await ds.destroy();
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stateDir = join(ROOT, '.masar', `web-e2e-${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: '',
    QUEUE_PREFIX: `w${randomBytes(3).toString('hex')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: baseUrl,
    MASAR_STATE_DIR: stateDir,
    LOG_LEVEL: opts.verbose ? 'info' : 'warn',
    LOG_PRETTY: '0',
    // Many sign-ins from one address in a few minutes: the login limit is not what these tests are about.
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000',
  };
  const logs: string[] = [];
  const children: ChildProcess[] = [];
  const start = (name: string, entry: string) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], { cwd: ROOT, env: { ...env, MASAR_PROCESS: `masar-${name}` }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(`[${name}] ${text}`);
      if (logs.length > 2000) logs.splice(0, logs.length - 2000);
      if (opts.verbose) process.stderr.write(`[${name}] ${text}`);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    children.push(child);
    return child;
  };
  start('api', 'apps/api/src/main.ts');
  start('worker', 'apps/worker/src/main.ts');
  try {
    await waitReady(`${baseUrl}/health/ready`, children);
  } catch (e) {
    console.error(logs.slice(-40).join(''));
    for (const c of children) c.kill('SIGKILL');
    throw e;
  }

  return {
    baseUrl,
    databaseUrl,
    logs,
    async stop() {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      await Promise.all(
        children.map((c) =>
          c.exitCode !== null
            ? undefined
            : new Promise<void>((r) => {
                const timer = setTimeout(() => {
                  c.kill('SIGKILL');
                  r();
                }, 15_000);
                c.once('exit', () => {
                  clearTimeout(timer);
                  r();
                });
              }),
        ),
      );
      if (!opts.keepDatabase) await admin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).catch(() => undefined);
    },
  };
}
