import type { EntityManager } from 'typeorm';
import type { Channel } from '../channels/delivery-channel.port';
import type { DeliveryStatus } from '../persistence/delivery.entity';

export interface ClaimedDelivery {
  id: string;
  channel: Channel;
  idempotencyKey: string;
  attempts: number;
  notificationId: string;
  event: string;
  applicationId: string;
  recipientId: string;
  params: Record<string, unknown>;
}

/**
 * Takes a delivery for one attempt, committed before anything is sent. A delivery can be taken when it is
 * pending, when its retry is due, or when the worker that held it died (its claim is older than the lease).
 * Returns null when someone else holds it or it is finished.
 */
export async function claimDelivery(manager: EntityManager, deliveryId: string, token: string, leaseMs: number): Promise<ClaimedDelivery | null> {
  const rows = await manager.query(
    `update notification_deliveries d
        set status = 'sending', claim_token = $2, claimed_at = now(), attempts = d.attempts + 1, updated_at = now()
       from notifications n
      where d.id = $1 and n.id = d.notification_id
        and (d.status = 'pending'
             or (d.status = 'failed' and (d.next_attempt_at is null or d.next_attempt_at <= now()))
             or (d.status = 'sending' and d.claimed_at < now() - make_interval(secs => $3::float8 / 1000)))
      returning d.id, d.channel, d.idempotency_key, d.attempts, d.notification_id, n.event, n.application_id, n.recipient_id, n.params`,
    [deliveryId, token, leaseMs],
  );
  const [r] = rows[0] && Array.isArray(rows[0]) ? rows[0] : rows;
  if (!r) return null;
  return {
    id: r.id,
    channel: r.channel,
    idempotencyKey: r.idempotency_key,
    attempts: r.attempts,
    notificationId: r.notification_id,
    event: r.event,
    applicationId: r.application_id,
    recipientId: r.recipient_id,
    params: r.params,
  };
}

export async function statusOf(manager: EntityManager, deliveryId: string): Promise<{ status: DeliveryStatus; nextAttemptAt: Date | null } | null> {
  const [r] = await manager.query(`select status, next_attempt_at from notification_deliveries where id = $1`, [deliveryId]);
  return r ? { status: r.status, nextAttemptAt: r.next_attempt_at } : null;
}

/** Records the outcome of an attempt, only if our claim still holds (a worker whose lease was taken over records nothing). */
export async function recordOutcome(
  manager: EntityManager,
  deliveryId: string,
  token: string,
  outcome: {
    status: Exclude<DeliveryStatus, 'pending' | 'sending'>;
    providerMessageId?: string;
    language?: string;
    fallbackFrom?: string | null;
    smsSegments?: number;
    lastError?: string | null;
    nextAttemptAt?: Date | null;
  },
): Promise<boolean> {
  const rows = await manager.query(
    `update notification_deliveries
        set status = $3, provider_message_id = coalesce($4, provider_message_id), language = coalesce($5, language),
            fallback_from = $6, sms_segments = coalesce($7, sms_segments), last_error = $8, next_attempt_at = $9,
            sent_at = case when $3 = 'sent' then now() else sent_at end, claim_token = null, updated_at = now()
      where id = $1 and claim_token = $2
      returning id`,
    [
      deliveryId,
      token,
      outcome.status,
      outcome.providerMessageId ?? null,
      outcome.language ?? null,
      outcome.fallbackFrom ?? null,
      outcome.smsSegments ?? null,
      outcome.lastError ?? null,
      outcome.nextAttemptAt ?? null,
    ],
  );
  const list = rows[0] && Array.isArray(rows[0]) ? rows[0] : rows;
  return list.length > 0;
}
