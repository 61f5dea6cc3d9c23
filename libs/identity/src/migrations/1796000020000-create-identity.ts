import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1796000020000 implements MigrationInterface {
  name = 'CreateIdentity1796000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table offices (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        name text not null,
        region_code text not null,
        kind text not null check (kind in ('prefecture', 'province', 'national_commission'))
      )`);
    await q.query(`create index offices_region_idx on offices (region_code)`);
    await q.query(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null unique check (email = lower(email)),
        display_name text not null,
        role text not null check (role in ('applicant', 'caseworker', 'supervisor', 'admin')),
        office_id uuid references offices(id),
        password_hash text not null,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint staff_have_an_office check (role = 'applicant' or office_id is not null)
      )`);
    await q.query(`create index users_office_idx on users (office_id, role) where active`);
    await q.query(`
      create table refresh_tokens (
        id uuid primary key,
        family_id uuid not null,
        user_id uuid not null references users(id) on delete cascade,
        token_hash bytea not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`create index refresh_tokens_family_idx on refresh_tokens (family_id)`);
    await q.query(`create index refresh_tokens_user_idx on refresh_tokens (user_id) where revoked_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table refresh_tokens`);
    await q.query(`drop table users`);
    await q.query(`drop table offices`);
  }
}
