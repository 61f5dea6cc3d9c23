import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Outbox } from '@masar/outbox';
import { ChannelRegistry } from '../channels/channel-registry';
import { DeliveryFailed, type SentReceipt } from '../channels/delivery-channel.port';
import type { NotificationEvent } from '../events/notification-event';
import { backoffMs, NOTIFICATIONS_OPTIONS, type NotificationsOptions } from '../notifications.options';
import { RECIPIENT_DIRECTORY, type RecipientContact, type RecipientDirectory } from '../recipients/recipient-directory.port';
import { renderNotification, type RenderedNotification } from '../templates/render-notification';
import { claimDelivery, recordOutcome, statusOf, tryLockDelivery, unlockDelivery, type ClaimedDelivery } from './delivery-claims';

export type DeliveryOutcome =
  | { status: 'sent' | 'skipped' | 'retry-scheduled' | 'dead'; attempts: number }
  | { status: 'already-finished' | 'not-due' | 'gone' | 'held-elsewhere' };

/** Our claim was taken over while we wrote the in-app message: roll it back, the other attempt writes it. */
export class DeliveryBusy extends Error {
  constructor() {
    super('delivery is held by another attempt');
    this.name = 'DeliveryBusy';
  }
}

/**
 * 'notifications.deliver': sends one delivery once.
 *
 * 0. Take the delivery's advisory lock on a connection of our own (see DELIVERY_LOCK_CLASS), without waiting. If
 *    another worker holds it (sending now, or frozen mid-send), send nothing: queue a look again later
 *    ('held-elsewhere', not a failure).
 * 1. Claim the row (status 'sending', attempts + 1, a token) and commit, before anything leaves the building.
 * 2. Read the contact and the language now, render, send.
 * 3. At once after the provider's answer, record 'sent' (one statement, nothing in between), then unlock.
 *
 * A killed worker's connection closes and its lock goes with it: the next attempt takes the 'sending' row over at
 * once. A frozen worker keeps its connection and its lock: nobody sends in its place, and when it wakes it
 * finishes its own send and records it. So a second copy can only come from the window between the provider's
 * acceptance and step 3's commit, and only if the worker dies in it: no SMTP server or SMS gateway can take part
 * in our transaction. Such a copy carries the same Message-ID (e-mail) or Idempotency-Key header (SMS). The
 * in-app channel has no window (its row and the 'sent' mark commit together).
 *
 * Failures: a retryable one schedules the next attempt with exponential backoff through the outbox (delayed job);
 * after maxAttempts, or at once for a permanent one, the delivery becomes a dead letter an admin can retry.
 */
@Injectable()
export class DeliverMessage {
  private readonly logger = new Logger('NotificationsDeliver');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly channels: ChannelRegistry,
    @Inject(RECIPIENT_DIRECTORY) private readonly recipients: RecipientDirectory,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async execute(deliveryId: string): Promise<DeliveryOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let broken: Error | undefined;
    try {
      if (!(await tryLockDelivery(runner.manager, deliveryId))) return await this.heldElsewhere(runner.manager, deliveryId);
      try {
        return await this.attempt(runner.manager, deliveryId);
      } finally {
        // Set for the record after a send (see attempt()); the connection goes back to the pool as it came.
        await runner.query(`reset synchronous_commit`).catch((err: Error) => (broken = err));
        if (!broken && !(await unlockDelivery(runner.manager, deliveryId).catch((err: Error) => ((broken = err), true)))) {
          this.logger.error({ deliveryId }, 'the delivery lock was not held at the end of the attempt');
        }
      }
    } finally {
      // A connection that could not give its lock back must not return to the pool holding it: close it instead.
      if (broken) await (runner as unknown as { releasePostgresConnection(err: Error): Promise<void> }).releasePostgresConnection(broken);
      else await runner.release();
    }
  }

  private async attempt(manager: EntityManager, deliveryId: string): Promise<DeliveryOutcome> {
    const token = randomUUID();
    const claimed = await claimDelivery(manager, deliveryId, token);
    if (!claimed) return this.notClaimed(manager, deliveryId);

    let rendered: RenderedNotification;
    let contact: RecipientContact | null;
    try {
      contact = await this.recipients.contactOf(claimed.recipientId);
      rendered = renderNotification(claimed.event as NotificationEvent, claimed.params as never, contact?.language);
    } catch (err) {
      return this.failed(manager, claimed, token, new DeliveryFailed(`could not prepare the message (${(err as Error)?.name ?? 'error'})`, true));
    }
    const address = contact ? addressFor(claimed, contact) : null;
    if (!address) {
      await recordOutcome(manager, claimed.id, token, { status: 'skipped', lastError: 'recipient has no address on this channel any more' });
      return { status: 'skipped', attempts: claimed.attempts };
    }
    const language = { language: rendered.language, fallbackFrom: rendered.fallback?.requested ?? null };
    if (claimed.channel === 'in_app') return this.deliverInApp(manager, claimed, token, address, rendered);

    if (!this.channels.has(claimed.channel)) {
      // Dispatched by a process that had this channel; this one does not (SMTP_URL or SMS_GATEWAY_URL unset).
      return this.failed(manager, claimed, token, new DeliveryFailed(`the ${claimed.channel} channel is not configured in this worker`, true), language);
    }
    let receipt: SentReceipt;
    // The record after the send commits without waiting for its WAL flush: losing it (a database crash within a
    // fraction of a second) only re-sends the same message, as the window below would, and it makes the window
    // one round trip instead of a round trip and a disk flush. The claim above was committed durably.
    await manager.query(`set synchronous_commit = off`);
    try {
      receipt = claimed.channel === 'email'
        ? await this.channels.email!.send({ to: address, subject: rendered.subject, text: rendered.text, html: rendered.html, language: rendered.language, idempotencyKey: claimed.idempotencyKey })
        : await this.channels.sms!.send({ to: address, text: rendered.sms.text, encoding: rendered.sms.encoding, idempotencyKey: claimed.idempotencyKey });
    } catch (err) {
      const failure = err instanceof DeliveryFailed ? err : new DeliveryFailed(`unexpected error while sending (${(err as Error)?.name ?? 'error'})`, true);
      await manager.query(`reset synchronous_commit`); // a failure and its retry are recorded durably
      return this.failed(manager, claimed, token, failure, language);
    }
    // Nothing between the provider's answer and this commit: it is the window in which a killed worker leaves a
    // message sent but not recorded.
    const recorded = await recordOutcome(manager, claimed.id, token, {
      status: 'sent',
      providerMessageId: receipt.providerMessageId,
      ...language,
      smsSegments: claimed.channel === 'sms' ? rendered.sms.segments : undefined,
    });
    if (!recorded) this.logger.warn({ deliveryId }, 'sent, but the claim had been taken over meanwhile (our connection was lost): a duplicate may have followed');
    return { status: 'sent', attempts: claimed.attempts };
  }

  private async notClaimed(manager: EntityManager, deliveryId: string): Promise<DeliveryOutcome> {
    const state = await statusOf(manager, deliveryId);
    if (!state) {
      this.logger.warn({ deliveryId }, 'delivery no longer exists; skipped');
      return { status: 'gone' };
    }
    if (state.status === 'failed') return { status: 'not-due' };
    return { status: 'already-finished' };
  }

  /**
   * Another worker holds the delivery: it is sending it now, or it froze while sending (its connection, hence its
   * lock, is alive). Send nothing; look again later, in case that worker dies before recording. Not a failure.
   */
  private async heldElsewhere(manager: EntityManager, deliveryId: string): Promise<DeliveryOutcome> {
    const state = await statusOf(manager, deliveryId);
    if (!state) return { status: 'gone' };
    if (['sent', 'dead', 'skipped'].includes(state.status)) return { status: 'already-finished' };
    await this.outbox.add(manager, 'notifications.deliver', { deliveryId }, { availableAt: new Date(Date.now() + this.options.busyRecheckMs) });
    this.logger.log({ deliveryId }, 'delivery held by another worker; looking again later');
    return { status: 'held-elsewhere' };
  }

  /** The in-app message and the 'sent' mark commit together: exactly once, no window. */
  private async deliverInApp(connection: EntityManager, claimed: ClaimedDelivery, token: string, userId: string, rendered: RenderedNotification): Promise<DeliveryOutcome> {
    return connection.transaction(async (manager) => {
      await manager.query(
        `insert into notification_inbox (id, delivery_id, user_id, application_id, event, language, subject, body)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (delivery_id) do nothing`,
        [randomUUID(), claimed.id, userId, claimed.applicationId, claimed.event, rendered.language, rendered.subject, rendered.text],
      );
      const ok = await recordOutcome(manager, claimed.id, token, {
        status: 'sent',
        providerMessageId: `inbox:${claimed.id}`,
        language: rendered.language,
        fallbackFrom: rendered.fallback?.requested ?? null,
      });
      if (!ok) throw new DeliveryBusy(); // our claim was taken over: roll back, the other attempt writes the row
      return { status: 'sent', attempts: claimed.attempts } as const;
    });
  }

  private async failed(
    connection: EntityManager,
    claimed: ClaimedDelivery,
    token: string,
    failure: DeliveryFailed,
    language?: { language: string; fallbackFrom: string | null },
  ): Promise<DeliveryOutcome> {
    const lastError = failure.message.slice(0, 500);
    const dead = !failure.retryable || claimed.attempts >= this.options.maxAttempts;
    return connection.transaction(async (manager: EntityManager) => {
      if (dead) {
        if (!(await recordOutcome(manager, claimed.id, token, { status: 'dead', lastError, ...language }))) return { status: 'already-finished' } as const;
        await manager.query(
          `insert into notification_dead_letters (id, delivery_id, channel, event, attempts, last_error)
           values ($1, $2, $3, $4, $5, $6) on conflict (delivery_id) where retried_at is null do nothing`,
          [randomUUID(), claimed.id, claimed.channel, claimed.event, claimed.attempts, lastError],
        );
        this.logger.warn({ deliveryId: claimed.id, channel: claimed.channel, attempts: claimed.attempts, retryable: failure.retryable, error: lastError }, 'delivery dead-lettered');
        return { status: 'dead', attempts: claimed.attempts } as const;
      }
      const nextAttemptAt = new Date(Date.now() + backoffMs(claimed.attempts, this.options));
      if (!(await recordOutcome(manager, claimed.id, token, { status: 'failed', lastError, nextAttemptAt, ...language }))) return { status: 'already-finished' } as const;
      await this.outbox.add(manager, 'notifications.deliver', { deliveryId: claimed.id }, { availableAt: nextAttemptAt });
      this.logger.log({ deliveryId: claimed.id, channel: claimed.channel, attempts: claimed.attempts, nextAttemptAt, error: lastError }, 'delivery failed; retry scheduled');
      return { status: 'retry-scheduled', attempts: claimed.attempts } as const;
    });
  }
}

function addressFor(claimed: ClaimedDelivery, contact: RecipientContact): string | null {
  if (claimed.channel === 'email') return contact.email || null;
  if (claimed.channel === 'sms') return contact.phone || null;
  return contact.userId || null;
}
