import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The table rate-limiter-flexible's PostgreSQL store expects (used when no Redis is configured). */
export class CreateRateLimits1796000010000 implements MigrationInterface {
  name = 'CreateRateLimits1796000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table rate_limits (key varchar(255) primary key, points integer not null default 0, expire bigint)`);
    await q.query(`create index rate_limits_expire_idx on rate_limits (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table rate_limits`);
  }
}
