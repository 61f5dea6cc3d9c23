import { join } from 'node:path';
import IORedis from 'ioredis';
import { startEmbeddedPostgres } from '@masar/database';
import { runMigrations } from '@masar/db';
import { answers, LOCAL_POSTGRES, migrationsFingerprint, withAdmin, withDatabase } from './postgres';

/**
 * Once per `jest` run: find a PostgreSQL server (configured, local, or an embedded one started here), build a
 * template database on the real migrations (reused while the migrations are unchanged), and find Redis. Each
 * test file then clones the template (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (adminUrl) adminUrl = withDatabase(adminUrl, 'postgres');
  else if (await answers(LOCAL_POSTGRES)) adminUrl = LOCAL_POSTGRES;
  else {
    console.log('\n[test] no PostgreSQL answers on 127.0.0.1:5432: starting the embedded one');
    const embedded = await startEmbeddedPostgres(join(root, '.masar', 'test-pg'), 54330, 'postgres');
    (globalThis as { __masarEmbedded?: unknown }).__masarEmbedded = embedded;
    adminUrl = embedded.url;
  }
  process.env.MASAR_TEST_PG_ADMIN = adminUrl;

  const template = `masar_tpl_${migrationsFingerprint(root)}`;
  await withAdmin(adminUrl, async (c) => {
    // Two jest runs at once must not both build the template.
    await c.query(`select pg_advisory_lock(727272)`);
    try {
      const found = await c.query(`select 1 from pg_database where datname = $1`, [template]);
      if (found.rowCount === 0) {
        const old = await c.query(`select datname from pg_database where datname like 'masar_tpl_%'`);
        for (const { datname } of old.rows) await c.query(`drop database if exists "${datname}" with (force)`);
        await c.query(`create database "${template}_build"`).catch(async () => {
          await c.query(`drop database "${template}_build" with (force)`);
          await c.query(`create database "${template}_build"`);
        });
        await runMigrations(withDatabase(adminUrl!, `${template}_build`));
        await c.query(`alter database "${template}_build" rename to "${template}"`);
      }
      // Leftovers of killed runs: test databases nobody is connected to.
      const stale = await c.query(
        `select datname from pg_database d where datname like 'masar_t_%'
           and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
      );
      for (const { datname } of stale.rows) await c.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
    } finally {
      await c.query(`select pg_advisory_unlock(727272)`);
    }
  });
  process.env.MASAR_TEST_TEMPLATE = template;

  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.MASAR_TEST_REDIS_URL = (await redisAnswers(redisUrl)) ? redisUrl : '';
  if (!process.env.MASAR_TEST_REDIS_URL) console.log(`\n[test] Redis does not answer at ${redisUrl}: suites that need Redis will say they were skipped`);
}

async function redisAnswers(url: string): Promise<boolean> {
  const r = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, enableOfflineQueue: false, retryStrategy: () => null });
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
