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
 * The advisory lock a worker holds on a delivery, on its own connection, from before it claims the delivery until
 * its outcome is recorded. Session-level (not a transaction): nothing is open in a transaction while the message
 * travels, so no idle-in-transaction timeout can end it during a long send; it dies with the connection, so a
 * killed worker's lock is gone the moment its socket closes, while a frozen worker (SIGSTOP, a paused VM) keeps
 * its connection, hence its lock, and nobody sends in its place. Key: a class of our own ('NTFY') and a hash of
 * the delivery id (a collision only makes one delivery wait for another).
 */
export const DELIVERY_LOCK_CLASS = 0x4e544659;

/** Takes the delivery's lock without waiting; false when another connection holds it. */
export async function tryLockDelivery(manager: EntityManager, deliveryId: string): Promise<boolean> {
  const [r] = await manager.query(`select pg_try_advisory_lock($1, hashtext($2)) as locked`, [DELIVERY_LOCK_CLASS, deliveryId]);
  return r.locked === true;
}

/** Gives the lock back; false if this connection did not hold it. */
export async function unlockDelivery(manager: EntityManager, deliveryId: string): Promise<boolean> {
  const [r] = await manager.query(`select pg_advisory_unlock($1, hashtext($2)) as unlocked`, [DELIVERY_LOCK_CLASS, deliveryId]);
  return r.unlocked === true;
}

/**
 * Takes a delivery for one attempt (attempts + 1, a new claim token), committed before anything is sent. The
 * caller holds the delivery's lock, so a delivery still 'sending' was left by a worker that died mid-send (its
 * connection, and with it the lock, is gone): it is taken over at once. Otherwise a delivery can be taken when
 * pending or when its retry is due. Returns null when it is finished or not due.
 */
export async function claimDelivery(manager: EntityManager, deliveryId: string, token: string): Promise<ClaimedDelivery | null> {
  const rows = await manager.query(
    `update notification_deliveries d
        set status = 'sending', claim_token = $2, claimed_at = now(), attempts = d.attempts + 1, updated_at = now()
       from notifications n
      where d.id = $1 and n.id = d.notification_id
        and (d.status in ('pending', 'sending')
             or (d.status = 'failed' and (d.next_attempt_at is null or d.next_attempt_at <= now())))
      returning d.id, d.channel, d.idempotency_key, d.attempts, d.notification_id, n.event, n.application_id, n.recipient_id, n.params`,
    [deliveryId, token],
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

/**
 * Records the outcome of an attempt, only if our claim still holds: a worker whose claim was taken over (its
 * connection, hence its lock, was lost while it was frozen) records nothing.
 */
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
