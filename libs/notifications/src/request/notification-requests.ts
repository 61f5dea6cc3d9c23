import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@masar/outbox';
import type { NotificationEvent, NotificationParams } from '../events/notification-event';
import { validateParams } from '../events/validate-params';
import { NotificationsError } from '../notifications.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NotificationRequest<E extends NotificationEvent = NotificationEvent> {
  event: E;
  applicationId: string;
  /** The applicant to tell (an applicant id of the cases context). */
  recipientId: string;
  /**
   * What happened, unique for this event and recipient: the id of the history entry (transition) that caused it,
   * or for a reminder something like `60d:2026-09-30`. Asking twice with the same key is one notification.
   */
  occurrenceKey: string;
  params: NotificationParams[E];
}

export interface NotificationRequested {
  notificationId: string;
  /** False when this occurrence had already been asked for: nothing new was written. */
  created: boolean;
}

/**
 * The public use case other contexts call to tell an applicant something.
 *
 * Contract:
 * - Call it with the EntityManager of your own transaction. It writes the notification row and the outbox message
 *   'notifications.dispatch' ({notificationId}) in that transaction: if your change rolls back, nothing is sent;
 *   if it commits, the message will be sent, by the worker, even if the queue is down at that moment.
 * - Params are checked now (a bad request throws NOTIFICATIONS_INVALID_REQUEST, 422, and your transaction should
 *   roll back) so that a malformed notification never fails hours later in the worker.
 * - Params hold codes, dates, the file reference and the written reasons of a decision; never names, document
 *   numbers or contact details. Contacts and the preferred language are read at sending time through
 *   RecipientDirectory.
 * - Idempotent: the same (event, occurrenceKey, recipientId) asked again is ignored and returns the first id.
 * - Sending happens after commit, at least once per channel, with duplicates recognisable by their Message-ID or
 *   Idempotency-Key (see deliver-message.use-case.ts for the crash window).
 */
@Injectable()
export class NotificationRequests {
  constructor(private readonly outbox: Outbox) {}

  async request<E extends NotificationEvent>(manager: EntityManager, req: NotificationRequest<E>): Promise<NotificationRequested> {
    const params = validateParams(req.event, req.params);
    if (!UUID.test(req.applicationId)) throw NotificationsError.invalidRequest('applicationId must be a uuid');
    if (!UUID.test(req.recipientId)) throw NotificationsError.invalidRequest('recipientId must be a uuid');
    if (typeof req.occurrenceKey !== 'string' || req.occurrenceKey.length === 0 || req.occurrenceKey.length > 200) {
      throw NotificationsError.invalidRequest('occurrenceKey must be a non-empty string of at most 200 characters');
    }
    const id = randomUUID();
    const inserted: { id: string }[] = await manager.query(
      `insert into notifications (id, event, occurrence_key, application_id, recipient_id, params)
       values ($1, $2, $3, $4, $5, $6::jsonb)
       on conflict (event, occurrence_key, recipient_id) do nothing
       returning id`,
      [id, req.event, req.occurrenceKey, req.applicationId, req.recipientId, JSON.stringify(params)],
    );
    if (inserted.length === 0) {
      const [existing] = await manager.query(
        `select id from notifications where event = $1 and occurrence_key = $2 and recipient_id = $3`,
        [req.event, req.occurrenceKey, req.recipientId],
      );
      return { notificationId: existing.id, created: false };
    }
    // The notification id is also the outbox id, hence the job id: relayed twice, it is still one job.
    await this.outbox.add(manager, 'notifications.dispatch', { notificationId: id }, { id });
    return { notificationId: id, created: true };
  }

  /**
   * The same contract for many requests at once (a bulk import): every request is checked first, then one
   * multi-row insert and one outbox write for the new ones. Answers in the order asked.
   */
  async requestMany(manager: EntityManager, reqs: NotificationRequest[]): Promise<NotificationRequested[]> {
    if (reqs.length === 0) return [];
    const params = reqs.map((r) => {
      if (!UUID.test(r.applicationId) || !UUID.test(r.recipientId)) throw NotificationsError.invalidRequest('applicationId and recipientId must be uuids');
      if (typeof r.occurrenceKey !== 'string' || r.occurrenceKey.length === 0 || r.occurrenceKey.length > 200) {
        throw NotificationsError.invalidRequest('occurrenceKey must be a non-empty string of at most 200 characters');
      }
      return JSON.stringify(validateParams(r.event, r.params));
    });
    const ids = reqs.map(() => randomUUID());
    const rows: { id: string; event: string; occurrence_key: string; recipient_id: string; created: boolean }[] = await manager.query(
      `with asked as (select * from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::jsonb[]) as t(id, event, occurrence_key, application_id, recipient_id, params)),
            ins as (insert into notifications (id, event, occurrence_key, application_id, recipient_id, params)
                    select * from asked on conflict (event, occurrence_key, recipient_id) do nothing returning id, event, occurrence_key, recipient_id)
       select id, event, occurrence_key, recipient_id::text, true as created from ins
       union all
       select n.id, n.event, n.occurrence_key, n.recipient_id::text, false from asked a
         join notifications n on n.event = a.event and n.occurrence_key = a.occurrence_key and n.recipient_id = a.recipient_id
        where not exists (select 1 from ins where ins.event = a.event and ins.occurrence_key = a.occurrence_key and ins.recipient_id = a.recipient_id)`,
      [ids, reqs.map((r) => r.event), reqs.map((r) => r.occurrenceKey), reqs.map((r) => r.applicationId), reqs.map((r) => r.recipientId), params],
    );
    const byKey = new Map(rows.map((r) => [`${r.event}\u0000${r.occurrence_key}\u0000${r.recipient_id}`, r]));
    const created = rows.filter((r) => r.created);
    for (let i = 0; i < created.length; i += 5000) {
      await this.outbox.addMany(
        manager,
        created.slice(i, i + 5000).map((r) => ({ name: 'notifications.dispatch' as const, payload: { notificationId: r.id }, options: { id: r.id } })),
      );
    }
    return reqs.map((r) => {
      const row = byKey.get(`${r.event}\u0000${r.occurrenceKey}\u0000${r.recipientId}`)!;
      return { notificationId: row.id, created: row.created };
    });
  }
}
