import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: an append-only hash chain of events and the signed checkpoints of its head.
 *
 * Rows are only ever written by `audit_append`, a SECURITY DEFINER function: it takes the chain's advisory lock,
 * reads the head with a fresh snapshot (a VOLATILE plpgsql function takes one per statement under READ COMMITTED)
 * and inserts the next row with seq = head + 1 and hash = sha256(seq | prev_hash | canonical body). The lock is
 * held until the caller's transaction ends, so rows commit in seq order and no two writers can fork the chain.
 * The application role may call the function and read, but not insert, update, delete or truncate; a trigger
 * refuses UPDATE, DELETE and TRUNCATE even to the table's owner (only a superuser disabling triggers gets past it,
 * and verification then finds the damage).
 */
export class CreateAuditTrail1796000050000 implements MigrationInterface {
  name = 'CreateAuditTrail1796000050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit_events (
        seq bigint primary key,
        id uuid not null unique,
        occurred_at timestamptz not null,
        action text not null,
        actor_id text,
        actor_role text,
        subject_type text not null,
        subject_id text,
        application_id text,
        fields text[] not null default '{}',
        details jsonb not null default '{}',
        request_id text,
        ip text,
        prev_hash char(64) not null,
        hash char(64) not null,
        constraint audit_events_seq_positive check (seq > 0)
      )`);
    // Search filters (by file, by user, by action) page newest first by seq; the period filter uses occurred_at.
    await q.query(`create index audit_events_application_idx on audit_events (application_id, seq) where application_id is not null`);
    await q.query(`create index audit_events_actor_idx on audit_events (actor_id, seq) where actor_id is not null`);
    await q.query(`create index audit_events_action_idx on audit_events (action, seq)`);
    await q.query(`create index audit_events_occurred_at_idx on audit_events (occurred_at)`);

    await q.query(`
      create table audit_checkpoints (
        id uuid primary key,
        seq bigint not null unique,
        head_hash char(64) not null,
        created_at timestamptz not null,
        signature char(64) not null
      )`);

    await q.query(`
      create function audit_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $$`);
    for (const table of ['audit_events', 'audit_checkpoints']) {
      await q.query(`create trigger ${table}_append_only before update or delete on ${table} for each statement execute function audit_refuse_change()`);
      await q.query(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function audit_refuse_change()`);
    }

    await q.query(`
      create function audit_append(event jsonb, body text) returns table (seq bigint, hash text)
      language plpgsql volatile security definer set search_path = pg_catalog, public as $$
      declare
        head_seq bigint;
        head_hash text;
        new_seq bigint;
        new_hash text;
      begin
        -- Under REPEATABLE READ the head read below would use the transaction's old snapshot and fork the chain.
        if current_setting('transaction_isolation') <> 'read committed' then
          raise exception 'audit_append must run in a READ COMMITTED transaction (got %)', current_setting('transaction_isolation')
            using errcode = 'feature_not_supported';
        end if;
        perform pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK[0]}, ${AUDIT_CHAIN_LOCK[1]});
        select a.seq, a.hash into head_seq, head_hash from audit_events a order by a.seq desc limit 1;
        new_seq := coalesce(head_seq, 0) + 1;
        head_hash := coalesce(head_hash, repeat('0', 64));
        new_hash := encode(sha256(convert_to(new_seq::text || '|' || head_hash || '|' || body, 'UTF8')), 'hex');
        insert into audit_events (seq, id, occurred_at, action, actor_id, actor_role, subject_type, subject_id,
                                  application_id, fields, details, request_id, ip, prev_hash, hash)
        values (new_seq, (event->>'id')::uuid, (event->>'occurredAt')::timestamptz, event->>'action',
                event->>'actorId', event->>'actorRole', event->>'subjectType', event->>'subjectId',
                event->>'applicationId', array(select jsonb_array_elements_text(event->'fields')),
                event->'details', event->>'requestId', event->>'ip', head_hash, new_hash);
        return query select new_seq, new_hash;
      end $$`);

    // The application's role: read and append through the function, never change or remove.
    await q.query(`
      do $$ begin
        create role masar_app nologin;
      exception when duplicate_object or unique_violation then null;
      end $$`);
    await q.query(`revoke all on audit_events, audit_checkpoints from public`);
    await q.query(`revoke update, delete, truncate on audit_events, audit_checkpoints from masar_app`);
    await q.query(`grant select on audit_events to masar_app`);
    await q.query(`grant select, insert on audit_checkpoints to masar_app`);
    await q.query(`revoke all on function audit_append(jsonb, text) from public`);
    await q.query(`grant execute on function audit_append(jsonb, text) to masar_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function audit_append(jsonb, text)`);
    await q.query(`drop table audit_checkpoints`);
    await q.query(`drop table audit_events`);
    await q.query(`drop function audit_refuse_change()`);
  }
}

/** The two-key advisory lock of the chain (a key space apart from single bigint advisory locks). */
export const AUDIT_CHAIN_LOCK = [0x4d415352, 0x41554454] as const; // 'MASR', 'AUDT'
