import 'reflect-metadata';
import { loadConfig } from '@masar/config';
import { resolveDatabaseUrl } from '@masar/database';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  process.env.MASAR_PROCESS ??= 'masar-api';
  const config = loadConfig();
  await resolveDatabaseUrl(config);
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
}

main().catch((err) => {
  console.error(err instanceof Error && err.name === 'ConfigError' ? err.message : err);
  process.exit(1);
});
