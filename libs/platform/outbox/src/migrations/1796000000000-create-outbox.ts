import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1796000000000 implements MigrationInterface {
  name = 'CreateOutbox1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists pgcrypto`);
    await q.query(`
      create table outbox_messages (
        id uuid primary key,
        job_name text not null,
        queue text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        available_at timestamptz not null default now(),
        sent_at timestamptz,
        attempts int not null default 0,
        last_error text
      )`);
    await q.query(`create index outbox_pending_idx on outbox_messages (created_at, id) where sent_at is null`);
    await q.query(`
      create function outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('masar_outbox', ''); return null; end $$`);
    await q.query(`create trigger outbox_notify after insert on outbox_messages for each statement execute function outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger outbox_notify on outbox_messages`);
    await q.query(`drop function outbox_notify()`);
    await q.query(`drop table outbox_messages`);
  }
}
