/**
 * Platform: database. The TypeORM connection (never `synchronize`: the schema is what the committed migrations
 * make), an explicit transaction helper, and the embedded PostgreSQL used when no DATABASE_URL is configured.
 */
export * from './database.module';
export * from './embedded-postgres';
export * from './transactions';
export * from './database-url';
export * from './database-notifications';
export * from './pooled-queries';
