/**
 * The data source the TypeORM CLI uses (`npm run migration:generate -- libs/<context>/src/migrations/<Name>`):
 * every entity of every context, and the committed migrations. DATABASE_URL, or the embedded server if running.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@masar/database';
import { MIGRATIONS } from './schema';

const url = process.env.DATABASE_URL ?? 'postgres://masar:masar-embedded@127.0.0.1:54329/masar';

export default new DataSource({
  ...dataSourceOptions(url, 2),
  entities: [join(__dirname, '..', 'libs', '**', '*.entity.ts')],
  migrations: MIGRATIONS,
  migrationsTableName: 'schema_migrations',
});
