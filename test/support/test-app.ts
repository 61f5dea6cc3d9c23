import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { loadConfig, type MasarConfig } from '@masar/config';
import { DEMO_PASSWORD, seedDemoStaff, type SeededStaff } from '@masar/identity';
import { createTestDatabase, type TestDatabase } from './test-database';

export type QueueKind = 'redis' | 'postgres';

export interface TestApp {
  app: NestFastifyApplication;
  config: MasarConfig;
  db: TestDatabase;
  dataSource: DataSource;
  staff: SeededStaff;
  /** Signs in and returns the bearer header for the given demo user. */
  as(email: string, password?: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export function redisUrlForTests(): string | undefined {
  return process.env.MASAR_TEST_REDIS_URL || undefined;
}

export function testConfig(dbUrl: string, queue: QueueKind, env: Record<string, string> = {}): MasarConfig {
  const redisUrl = queue === 'redis' ? redisUrlForTests() : undefined;
  if (queue === 'redis' && !redisUrl) throw new Error('Redis is not available for this test');
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    REDIS_URL: redisUrl ?? '',
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    MASAR_STATE_DIR: process.env.MASAR_STATE_DIR ?? '.masar/test-state',
    ...env,
  });
}

/**
 * Boots the real API on a database of its own, with the demo offices and staff. Keep one app alive at a time in a
 * test file: Passport registers its strategies in a process-wide registry, so a second app replaces the first's.
 */
export async function createTestApp(
  opts: { queue?: QueueKind; env?: Record<string, string>; extraModules?: Type<unknown>[] } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, opts.queue ?? 'postgres', opts.env);
  const app = await createApiApp(config, opts.extraModules);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const staff = await seedDemoStaff(dataSource.manager);
  const tokens = new Map<string, string>();
  return {
    app,
    config,
    db,
    dataSource,
    staff,
    async as(email, password = DEMO_PASSWORD) {
      const cached = tokens.get(email);
      if (cached) return { authorization: `Bearer ${cached}` };
      const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
      const token = res.json().accessToken as string;
      tokens.set(email, token);
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * `describe` for suites that need Redis. Without Redis they are skipped with a plain message, except in CI where
 * the lack of Redis is an error (nothing may be skipped there).
 */
export function describeWithRedis(name: string, fn: () => void): void {
  if (redisUrlForTests()) return describe(name, fn);
  if (process.env.CI) {
    describe(name, () => it('needs Redis, and CI must not skip it', () => { throw new Error('Redis is not available in CI'); }));
    return;
  }
  console.warn(`[test] skipped for lack of Redis: ${name}`);
  describe.skip(name, fn);
}

/** Both queue backends where a behaviour must hold on each. */
export const QUEUE_BACKENDS: QueueKind[] = ['postgres', 'redis'];
