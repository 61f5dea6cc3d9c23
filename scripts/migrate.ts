/**
 * `npm run migration:run` / `migration:revert`: applies (or reverts the last of) the committed migrations on
 * DATABASE_URL, or on the embedded PostgreSQL of this checkout when DATABASE_URL is not set.
 */
import 'reflect-metadata';
import { loadConfig } from '@masar/config';
import { resolveDatabaseUrl } from '@masar/database';
import { revertLastMigration, runMigrations } from '@masar/db';

async function main(): Promise<void> {
  const config = loadConfig();
  const { url, embedded } = await resolveDatabaseUrl(config);
  try {
    if (process.argv.includes('--revert')) {
      await revertLastMigration(url);
      console.log('reverted the last migration');
    } else {
      const applied = await runMigrations(url);
      console.log(applied.length ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'the schema is up to date');
    }
  } finally {
    if (embedded?.started) await embedded.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
