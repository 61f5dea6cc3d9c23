import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications and their deliveries. The idempotency key of a delivery (event occurrence, recipient, channel)
 * is UNIQUE: a retried or duplicated job finds the row it already made and sends nothing twice.
 */
export class CreateNotifications1796000310000 implements MigrationInterface {
  name = 'CreateNotifications1796000310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notifications (
        id uuid primary key,
        event text not null,
        occurrence_key text not null,
        application_id uuid not null,
        recipient_id uuid not null,
        params jsonb not null,
        requested_at timestamptz not null default now(),
        dispatched_at timestamptz,
        constraint notifications_once unique (event, occurrence_key, recipient_id)
      )`);
    await q.query(`create index notifications_application_idx on notifications (application_id)`);
    await q.query(`create index notifications_undispatched_idx on notifications (requested_at) where dispatched_at is null`);

    await q.query(`
      create table notification_deliveries (
        id uuid primary key,
        notification_id uuid not null references notifications (id),
        channel text not null check (channel in ('email', 'sms', 'in_app')),
        idempotency_key text not null,
        status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'dead', 'skipped')),
        attempts int not null default 0,
        next_attempt_at timestamptz,
        claim_token uuid,
        claimed_at timestamptz,
        sent_at timestamptz,
        provider_message_id text,
        language text,
        fallback_from text,
        sms_segments int,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint notification_deliveries_idempotency_key unique (idempotency_key)
      )`);
    await q.query(`create index notification_deliveries_notification_idx on notification_deliveries (notification_id)`);
    // The redrive sweep looks only at deliveries that are not finished.
    await q.query(`create index notification_deliveries_open_idx on notification_deliveries (updated_at) where status in ('pending', 'sending', 'failed')`);

    await q.query(`
      create table notification_dead_letters (
        id uuid primary key,
        delivery_id uuid not null references notification_deliveries (id),
        channel text not null,
        event text not null,
        attempts int not null,
        last_error text not null,
        failed_at timestamptz not null default now(),
        retried_at timestamptz,
        retried_by uuid
      )`);
    // One open dead letter per delivery; a retried one stays as history.
    await q.query(`create unique index notification_dead_letters_open_idx on notification_dead_letters (delivery_id) where retried_at is null`);
    await q.query(`create index notification_dead_letters_list_idx on notification_dead_letters (failed_at desc, id desc) where retried_at is null`);

    await q.query(`
      create table notification_inbox (
        id uuid primary key,
        delivery_id uuid not null unique references notification_deliveries (id),
        user_id uuid not null,
        application_id uuid not null,
        event text not null,
        language text not null,
        subject text not null,
        body text not null,
        created_at timestamptz not null default now(),
        read_at timestamptz
      )`);
    await q.query(`create index notification_inbox_user_idx on notification_inbox (user_id, created_at desc, id desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table notification_inbox`);
    await q.query(`drop table notification_dead_letters`);
    await q.query(`drop table notification_deliveries`);
    await q.query(`drop table notifications`);
  }
}
