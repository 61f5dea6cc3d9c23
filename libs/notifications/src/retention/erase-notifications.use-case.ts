import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ErasedNotifications {
  notifications: number;
  inboxMessages: number;
  /** Deliveries still waiting that will now never be sent. */
  cancelledDeliveries: number;
}

/**
 * Retention: erases what this context holds about files past their retention (the reference and written reasons
 * in the params, the texts of the in-app messages), in the caller's transaction. The delivery records stay (their
 * keys are hashes; statuses and times are the accounting of what was sent) and unsent ones are cancelled, since
 * their message can no longer be written.
 */
@Injectable()
export class EraseNotifications {
  async forApplications(manager: EntityManager, applicationIds: string[]): Promise<ErasedNotifications> {
    if (applicationIds.length === 0) return { notifications: 0, inboxMessages: 0, cancelledDeliveries: 0 };
    const cancelled = await manager.query(
      `update notification_deliveries d set status = 'skipped', last_error = 'erased under retention', claim_token = null, committing_at = null, updated_at = now()
         from notifications n
        where n.id = d.notification_id and n.application_id = any($1::uuid[]) and d.status in ('pending', 'sending', 'failed', 'dead', 'unconfirmed')
       returning d.id`,
      [applicationIds],
    );
    const inbox = await manager.query(`delete from notification_inbox where application_id = any($1::uuid[]) returning id`, [applicationIds]);
    const erased = await manager.query(
      `update notifications set params = '{"erased": true}'::jsonb, dispatched_at = coalesce(dispatched_at, now())
        where application_id = any($1::uuid[]) and params <> '{"erased": true}'::jsonb returning id`,
      [applicationIds],
    );
    const count = (r: unknown[]) => (Array.isArray(r[0]) ? (r[0] as unknown[]).length : r.length);
    return { notifications: count(erased), inboxMessages: count(inbox), cancelledDeliveries: count(cancelled) };
  }
}
