import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
// Jest's global set-up does not see moduleNameMapper: relative imports here, and the migrations run in a child.
import { startEmbeddedPostgres } from '../../libs/platform/database/src/embedded-postgres';
import { answers, LOCAL_POSTGRES, migrationsFingerprint, redisAnswers, withAdmin, withDatabase } from './postgres';

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
        await c.query(`create database "${template}_build"`).catch(async () => {
          await c.query(`drop database "${template}_build" with (force)`);
          await c.query(`create database "${template}_build"`);
        });
        migrate(root, withDatabase(adminUrl!, `${template}_build`));
        await c.query(`alter database "${template}_build" rename to "${template}"`);
      }
      // Other runs (another checkout, a teammate's) may use other templates: keep the newest few.
      const templates = await c.query(`select datname from pg_database where datname ~ '^masar_tpl_[0-9a-f]+$' order by oid desc offset 6`);
      for (const { datname } of templates.rows) await c.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
      // Leftovers of killed runs: test databases (named with their creation time) older than two hours.
      const cutoff = Math.floor(Date.now() / 1000) - 7200;
      const stale = await c.query(`select datname from pg_database where datname ~ '^masar_t_[0-9]+_'`);
      for (const { datname } of stale.rows) {
        if (Number(datname.split('_')[2]) < cutoff) await c.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
      }
    } finally {
      await c.query(`select pg_advisory_unlock(727272)`);
    }
  });
  process.env.MASAR_TEST_TEMPLATE = template;

  const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.MASAR_TEST_REDIS_URL = (await redisAnswers(redisUrl)) ? redisUrl : '';
  if (!process.env.MASAR_TEST_REDIS_URL) console.log(`\n[test] Redis does not answer at ${redisUrl}: suites that need Redis will say they were skipped`);
}


function migrate(root: string, url: string): void {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, 'scripts', 'migrate.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, MASAR_STATE_DIR: join(root, '.masar', 'test-state') },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`migrations failed on the test template:\n${run.stdout}\n${run.stderr}`);
}
