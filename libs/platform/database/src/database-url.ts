import type { MasarConfig } from '@masar/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

/**
 * The database a process should use: DATABASE_URL when set, otherwise the embedded server of this checkout
 * (started on first use). Production never gets here without DATABASE_URL: configuration refuses it.
 */
export async function resolveDatabaseUrl(config: MasarConfig): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (config.database.url) return { url: config.database.url };
  const embedded = await startEmbeddedPostgres(config.database.embeddedDir, config.database.embeddedPort);
  config.database.url = embedded.url;
  return { url: embedded.url, embedded };
}
