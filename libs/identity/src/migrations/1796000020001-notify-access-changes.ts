import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every process keeps the access state of the users it serves in memory (see auth/actor-directory.ts) and must
 * hear at once when a user is deactivated, deleted, or changes role or office, or when an office changes region or
 * kind. A trigger sends the notice (NOTIFY masar_access) inside the very transaction that makes the change, so that
 * no path (the admin use case, a script, a hand-written UPDATE) can change access without telling, and the notice is
 * delivered if and only if the change commits.
 */
export class NotifyAccessChanges1796000020001 implements MigrationInterface {
  name = 'NotifyAccessChanges1796000020001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function masar_notify_user_access() returns trigger language plpgsql as $$
      begin
        perform pg_notify('masar_access', 'user:' || old.id);
        return null;
      end $$`);
    await q.query(`
      create trigger users_access_changed after update on users for each row
        when (old.active is distinct from new.active or old.role is distinct from new.role or old.office_id is distinct from new.office_id)
        execute function masar_notify_user_access()`);
    await q.query(`create trigger users_access_deleted after delete on users for each row execute function masar_notify_user_access()`);
    await q.query(`
      create function masar_notify_office_access() returns trigger language plpgsql as $$
      begin
        perform pg_notify('masar_access', 'office:' || old.id);
        return null;
      end $$`);
    await q.query(`
      create trigger offices_access_changed after update on offices for each row
        when (old.region_code is distinct from new.region_code or old.kind is distinct from new.kind)
        execute function masar_notify_office_access()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger offices_access_changed on offices`);
    await q.query(`drop function masar_notify_office_access()`);
    await q.query(`drop trigger users_access_deleted on users`);
    await q.query(`drop trigger users_access_changed on users`);
    await q.query(`drop function masar_notify_user_access()`);
  }
}
