/**
 * Platform: rate limits shared by every API process (rate-limiter-flexible), on Redis when configured and on
 * PostgreSQL otherwise, with a per-process memory limiter as insurance while the store is unreachable.
 */
export * from './rate-limits';
export { RateLimitMigrations } from './migrations';
