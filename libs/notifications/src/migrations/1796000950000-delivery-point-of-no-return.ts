import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The point of no return of an e-mail delivery. `committing_at` is set (durably, under the attempt's claim token)
 * once the SMTP server holds the whole message but not the end of DATA, and before that end is written; every
 * recorded outcome clears it. A delivery still `sending` with `committing_at` set, found by a later attempt that
 * holds its lock, was left by a sender that died after writing, or while about to write, the end: the server may
 * have accepted it. It becomes `unconfirmed` (not resent by itself) with a dead letter an admin can act on.
 */
export class DeliveryPointOfNoReturn1796000950000 implements MigrationInterface {
  name = 'DeliveryPointOfNoReturn1796000950000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table notification_deliveries add column committing_at timestamptz`);
    await q.query(`alter table notification_deliveries drop constraint notification_deliveries_status_check`);
    await q.query(
      `alter table notification_deliveries add constraint notification_deliveries_status_check
         check (status in ('pending', 'sending', 'sent', 'failed', 'dead', 'skipped', 'unconfirmed'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`update notification_deliveries set status = 'dead' where status = 'unconfirmed'`);
    await q.query(`alter table notification_deliveries drop constraint notification_deliveries_status_check`);
    await q.query(
      `alter table notification_deliveries add constraint notification_deliveries_status_check
         check (status in ('pending', 'sending', 'sent', 'failed', 'dead', 'skipped'))`,
    );
    await q.query(`alter table notification_deliveries drop column committing_at`);
  }
}
