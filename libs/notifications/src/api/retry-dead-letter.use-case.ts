import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { Outbox } from '@masar/outbox';
import { NotificationsError } from '../notifications.errors';

/**
 * Sends a dead letter again: the delivery goes back to pending with a fresh attempt budget and a new job, in one
 * transaction with the audit event. Its idempotency key is unchanged, so if the first message did arrive after
 * all, the copy carries the same Message-ID. This is also how an admin resends an unconfirmed e-mail (reason
 * `delivery_unconfirmed`: it may have arrived) once they have checked that it did not: a deliberate decision,
 * audited, never automatic.
 */
@Injectable()
export class RetryDeadLetter {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  async execute(deadLetterId: string, actor: Actor): Promise<{ deliveryId: string; status: 'pending' }> {
    return this.transactions.run(async (manager) => {
      const taken = await manager.query(
        `update notification_dead_letters set retried_at = now(), retried_by = $2 where id = $1 and retried_at is null returning delivery_id`,
        [deadLetterId, actor.userId],
      );
      const [row] = Array.isArray(taken[0]) ? taken[0] : taken;
      if (!row) throw NotificationsError.deadLetterNotFound();
      await manager.query(
        `update notification_deliveries set status = 'pending', attempts = 0, next_attempt_at = null, claim_token = null,
                committing_at = null, last_error = null, updated_at = now() where id = $1 and status in ('dead', 'unconfirmed')`,
        [row.delivery_id],
      );
      await this.outbox.add(manager, 'notifications.deliver', { deliveryId: row.delivery_id });
      await this.audit.record(manager, {
        action: 'notification.dead_letter_retried',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'notification_delivery',
        subjectId: row.delivery_id,
        details: { deadLetterId },
      });
      return { deliveryId: row.delivery_id, status: 'pending' as const };
    });
  }
}
