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
 * connection, and with it the lock, is gone): it is taken over at once, unless that worker had passed its point
 * of no return (`committing_at` set: see markPointOfNoReturn), in which case the server may have the message and
 * it is not taken (the caller marks it unconfirmed). Otherwise a delivery can be taken when pending or when its
 * retry is due. Returns null when it is finished, not due, or unconfirmed.
 */
export async function claimDelivery(manager: EntityManager, deliveryId: string, token: string): Promise<ClaimedDelivery | null> {
  const rows = await manager.query(
    `update notification_deliveries d
        set status = 'sending', claim_token = $2, claimed_at = now(), committing_at = null, attempts = d.attempts + 1, updated_at = now()
       from notifications n
      where d.id = $1 and n.id = d.notification_id
        and (d.status = 'pending'
             or (d.status = 'sending' and d.committing_at is null)
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

export async function statusOf(manager: EntityManager, deliveryId: string): Promise<{ status: DeliveryStatus; nextAttemptAt: Date | null; committingAt: Date | null } | null> {
  const [r] = await manager.query(`select status, next_attempt_at, committing_at from notification_deliveries where id = $1`, [deliveryId]);
  return r ? { status: r.status, nextAttemptAt: r.next_attempt_at, committingAt: r.committing_at } : null;
}

/**
 * The point of no return of an e-mail: the SMTP server holds the whole message but not the end of DATA, which is
 * written only once this has committed (durably: the session's synchronous_commit must be on). Guarded by the
 * claim token, on the connection that holds the delivery's lock: false (or a lost connection) means this attempt
 * no longer owns the delivery and must not write the end. Also records the Message-ID the server is getting.
 */
export async function markPointOfNoReturn(manager: EntityManager, deliveryId: string, token: string, providerMessageId: string): Promise<boolean> {
  const rows = await manager.query(
    `update notification_deliveries set committing_at = now(), provider_message_id = $3, updated_at = now()
      where id = $1 and claim_token = $2 and status = 'sending'
      returning id`,
    [deliveryId, token, providerMessageId],
  );
  const list = rows[0] && Array.isArray(rows[0]) ? rows[0] : rows;
  return list.length > 0;
}

/** The reason code of an unconfirmed delivery, first word of its `last_error` and of its dead letter's. */
export const DELIVERY_UNCONFIRMED = 'delivery_unconfirmed';

/**
 * Records that an attempt passed its point of no return and its outcome is unknown: status 'unconfirmed' and an
 * open dead letter with reason `delivery_unconfirmed`, in one transaction; nothing sends it again unless an admin
 * retries it. Either by the attempt itself (`token`: it wrote the end of DATA and lost the answer), or by a later
 * attempt that holds the lock and finds the marker of a dead one (`token` null). Returns false if the delivery is
 * not in that state (any more).
 */
export async function markUnconfirmed(connection: EntityManager, deliveryId: string, token: string | null, detail: string): Promise<{ attempts: number } | null> {
  return connection.transaction(async (manager) => {
    const rows = await manager.query(
      `update notification_deliveries d
          set status = 'unconfirmed', claim_token = null, next_attempt_at = null, updated_at = now(),
              last_error = $3 || ': ' || $4 || coalesce(' (Message-ID ' || d.provider_message_id || ')', '')
         from notifications n
        where d.id = $1 and n.id = d.notification_id and d.status = 'sending' and d.committing_at is not null
          and ($2::uuid is null or d.claim_token = $2::uuid)
        returning d.id, d.channel, d.attempts, d.last_error, n.event`,
      [deliveryId, token, DELIVERY_UNCONFIRMED, detail],
    );
    const [r] = rows[0] && Array.isArray(rows[0]) ? rows[0] : rows;
    if (!r) return null;
    await manager.query(
      `insert into notification_dead_letters (id, delivery_id, channel, event, attempts, last_error)
       values (gen_random_uuid(), $1, $2, $3, $4, $5) on conflict (delivery_id) where retried_at is null do nothing`,
      [r.id, r.channel, r.event, r.attempts, String(r.last_error).slice(0, 500)],
    );
    return { attempts: r.attempts as number };
  });
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
    status: Exclude<DeliveryStatus, 'pending' | 'sending' | 'unconfirmed'>;
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
            sent_at = case when $3 = 'sent' then now() else sent_at end, claim_token = null, committing_at = null, updated_at = now()
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
