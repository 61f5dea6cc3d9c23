import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A card handed over records its expiry; its renewal file is opened by the system ahead of it, once. The unique
 * index makes "once" hold even with two sweeps at the same moment; the partial index finds the cards coming due.
 */
export class OneRenewalPerCard1796000100002 implements MigrationInterface {
  name = 'OneRenewalPerCard1796000100002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create unique index applications_one_renewal_per_card_idx on applications (linked_application_id) where kind = 'renewal'`);
    await q.query(`create index applications_cards_expiring_idx on applications (card_expires_on) where state in ('card_issued', 'protected')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index applications_cards_expiring_idx`);
    await q.query(`drop index applications_one_renewal_per_card_idx`);
  }
}
