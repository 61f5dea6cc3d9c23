import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Outbox } from '@masar/outbox';
import { ChannelRegistry } from '../channels/channel-registry';
import { DeliveryFailed, DeliveryUnconfirmed, type SentReceipt } from '../channels/delivery-channel.port';
import type { NotificationEvent } from '../events/notification-event';
import { backoffMs, NOTIFICATIONS_OPTIONS, type NotificationsOptions } from '../notifications.options';
import { RECIPIENT_DIRECTORY, type RecipientContact, type RecipientDirectory } from '../recipients/recipient-directory.port';
import { renderNotification, type RenderedNotification } from '../templates/render-notification';
import {
  claimDelivery,
  markPointOfNoReturn,
  markUnconfirmed,
  recordOutcome,
  statusOf,
  tryLockDelivery,
  unlockDelivery,
  type ClaimedDelivery,
} from './delivery-claims';

export type DeliveryOutcome =
  | { status: 'sent' | 'skipped' | 'retry-scheduled' | 'dead' | 'unconfirmed'; attempts: number }
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
 * 2. Read the contact and the language now, render, send. An e-mail goes out whole but for the end of DATA; at
 *    that point of no return the marker `committing_at` commits (durably, under our token, on the connection that
 *    holds the lock), and only then is the end written (SmtpEmailSender).
 * 3. At once after the provider's answer, record 'sent' (one statement, nothing in between), then unlock.
 *
 * A killed worker's connection closes and its lock goes with it: the next attempt takes the 'sending' row over at
 * once, and sends again only if the row has no marker (the SMTP server never saw the end of DATA and dropped the
 * message). With a marker, the server may have the message: the row becomes 'unconfirmed' with a dead letter
 * (`delivery_unconfirmed`) and is not sent again unless an admin decides so. A frozen worker keeps its connection
 * and its lock: nobody sends in its place, and when it wakes it finishes its own send and records it. So e-mail
 * makes no copy by itself; what a kill can leave is an unconfirmed delivery, received or (if the kill fell
 * between the marker's commit and the write of the end) not. An SMS copy from a kill between the gateway's
 * acceptance and step 3 carries the same Idempotency-Key header. The in-app channel has no window (its row and the
 * 'sent' mark commit together).
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
    // fraction of a second) leaves the e-mail's marker, hence an unconfirmed delivery, never a copy, and it makes the
    // record one round trip instead of a round trip and a disk flush. The claim and the marker commit durably: the
    // setting is sent after the marker, queued on the same connection, and travels while the server takes the
    // message. (An SMS has no marker: its setting goes before the send, as the record's does.)
    let asyncRecord: Promise<unknown> | null = null;
    const afterMarker = () => (asyncRecord = manager.query(`set synchronous_commit = off`).catch(() => undefined));
    try {
      if (claimed.channel === 'email') {
        receipt = await this.channels.email!.send(
          { to: address, subject: rendered.subject, text: rendered.text, html: rendered.html, language: rendered.language, idempotencyKey: claimed.idempotencyKey },
          async (providerMessageId) => {
            if (!(await markPointOfNoReturn(manager, claimed.id, token, providerMessageId))) throw new DeliveryBusy();
            afterMarker();
          },
        );
      } else {
        await afterMarker();
        receipt = await this.channels.sms!.send({ to: address, text: rendered.sms.text, encoding: rendered.sms.encoding, idempotencyKey: claimed.idempotencyKey });
      }
    } catch (err) {
      await asyncRecord;
      await manager.query(`reset synchronous_commit`); // a failure, its retry or its doubt are recorded durably
      if (err instanceof DeliveryUnconfirmed) return this.unconfirmed(manager, claimed.id, token, err.message);
      if (err instanceof DeliveryBusy) return { status: 'already-finished' };
      const failure = err instanceof DeliveryFailed ? err : new DeliveryFailed(`unexpected error while sending (${(err as Error)?.name ?? 'error'})`, true);
      return this.failed(manager, claimed, token, failure, language);
    }
    await asyncRecord;
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
    // We hold the lock, so the attempt that set this marker is over: it died at or after its point of no return.
    if (state.status === 'sending' && state.committingAt) {
      return this.unconfirmed(manager, deliveryId, null, 'the attempt that sent it stopped after its point of no return, before recording the answer');
    }
    return { status: 'already-finished' };
  }

  /**
   * The server may or may not have the message: record it as unconfirmed, with a dead letter an admin can check
   * (against the mail server's log, by Message-ID) and retry, instead of sending a copy now.
   */
  private async unconfirmed(manager: EntityManager, deliveryId: string, token: string | null, detail: string): Promise<DeliveryOutcome> {
    const marked = await markUnconfirmed(manager, deliveryId, token, detail);
    if (!marked) return { status: 'already-finished' };
    this.logger.warn({ deliveryId, attempts: marked.attempts }, 'e-mail delivery unconfirmed (it may have arrived): not sent again; listed for an admin');
    return { status: 'unconfirmed', attempts: marked.attempts };
  }

  /**
   * Another worker holds the delivery: it is sending it now, or it froze while sending (its connection, hence its
   * lock, is alive). Send nothing; look again later, in case that worker dies before recording. Not a failure.
   */
  private async heldElsewhere(manager: EntityManager, deliveryId: string): Promise<DeliveryOutcome> {
    const state = await statusOf(manager, deliveryId);
    if (!state) return { status: 'gone' };
    if (['sent', 'dead', 'skipped', 'unconfirmed'].includes(state.status)) return { status: 'already-finished' };
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
