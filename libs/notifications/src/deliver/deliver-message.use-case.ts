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
import { claimDelivery, recordOutcome, statusOf, type ClaimedDelivery } from './delivery-claims';

export type DeliveryOutcome =
  | { status: 'sent' | 'skipped' | 'retry-scheduled' | 'dead'; attempts: number }
  | { status: 'already-finished' | 'not-due' | 'gone' };

/** Someone else holds the delivery right now; the job is retried later (by then the claim is done or expired). */
export class DeliveryBusy extends Error {
  constructor() {
    super('delivery is held by another attempt');
    this.name = 'DeliveryBusy';
  }
}

/**
 * 'notifications.deliver': sends one delivery once.
 *
 * 1. Claim the row (status 'sending', attempts + 1) and commit, before anything leaves the building.
 * 2. Read the contact and the language now, render, send.
 * 3. Record 'sent' with the provider's message id, guarded by our claim token.
 *
 * A job run twice, or two jobs for one delivery, cannot both pass step 1: the second finds it 'sent' or held.
 *
 * The honest window: a worker killed after the provider accepted the message and before step 3 commits leaves
 * the claim to expire (claimLeaseMs), and the next attempt sends again. That is at-least-once, not exactly-once;
 * no SMTP server or SMS gateway can take part in our transaction. Duplicates from this window carry the same
 * Message-ID (e-mail) or Idempotency-Key header (SMS), so a mailbox that de-duplicates by Message-ID, a gateway
 * that honours the key, and our tests reading the SMTP server can tell them apart. The window is the few
 * milliseconds between the provider's "250 OK" and our commit; the in-app channel has no window (its row and the
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
    const token = randomUUID();
    const claimed = await claimDelivery(this.dataSource.manager, deliveryId, token, this.options.claimLeaseMs);
    if (!claimed) return this.notClaimed(deliveryId);

    let rendered: RenderedNotification;
    let contact: RecipientContact | null;
    try {
      contact = await this.recipients.contactOf(claimed.recipientId);
      rendered = renderNotification(claimed.event as NotificationEvent, claimed.params as never, contact?.language);
    } catch (err) {
      return this.failed(claimed, token, new DeliveryFailed(`could not prepare the message (${(err as Error)?.name ?? 'error'})`, true));
    }
    const address = contact ? addressFor(claimed, contact) : null;
    if (!address) {
      await recordOutcome(this.dataSource.manager, claimed.id, token, { status: 'skipped', lastError: 'recipient has no address on this channel any more' });
      return { status: 'skipped', attempts: claimed.attempts };
    }
    const language = { language: rendered.language, fallbackFrom: rendered.fallback?.requested ?? null };
    if (claimed.channel === 'in_app') return this.deliverInApp(claimed, token, address, rendered);

    if (!this.channels.has(claimed.channel)) {
      // Dispatched by a process that had this channel; this one does not (SMTP_URL or SMS_GATEWAY_URL unset).
      return this.failed(claimed, token, new DeliveryFailed(`the ${claimed.channel} channel is not configured in this worker`, true), language);
    }
    let receipt: SentReceipt;
    try {
      receipt = claimed.channel === 'email'
        ? await this.channels.email!.send({ to: address, subject: rendered.subject, text: rendered.text, html: rendered.html, language: rendered.language, idempotencyKey: claimed.idempotencyKey })
        : await this.channels.sms!.send({ to: address, text: rendered.sms.text, encoding: rendered.sms.encoding, idempotencyKey: claimed.idempotencyKey });
    } catch (err) {
      const failure = err instanceof DeliveryFailed ? err : new DeliveryFailed(`unexpected error while sending (${(err as Error)?.name ?? 'error'})`, true);
      return this.failed(claimed, token, failure, language);
    }
    const recorded = await recordOutcome(this.dataSource.manager, claimed.id, token, {
      status: 'sent',
      providerMessageId: receipt.providerMessageId,
      ...language,
      smsSegments: claimed.channel === 'sms' ? rendered.sms.segments : undefined,
    });
    if (!recorded) this.logger.warn({ deliveryId }, 'sent, but the claim had been taken over meanwhile: a duplicate may follow');
    return { status: 'sent', attempts: claimed.attempts };
  }

  private async notClaimed(deliveryId: string): Promise<DeliveryOutcome> {
    const state = await statusOf(this.dataSource.manager, deliveryId);
    if (!state) {
      this.logger.warn({ deliveryId }, 'delivery no longer exists; skipped');
      return { status: 'gone' };
    }
    if (state.status === 'sending') throw new DeliveryBusy();
    if (state.status === 'failed') return { status: 'not-due' };
    return { status: 'already-finished' };
  }

  /** The in-app message and the 'sent' mark commit together: exactly once, no window. */
  private async deliverInApp(claimed: ClaimedDelivery, token: string, userId: string, rendered: RenderedNotification): Promise<DeliveryOutcome> {
    return this.dataSource.transaction(async (manager) => {
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

  private async failed(claimed: ClaimedDelivery, token: string, failure: DeliveryFailed, language?: { language: string; fallbackFrom: string | null }): Promise<DeliveryOutcome> {
    const lastError = failure.message.slice(0, 500);
    const dead = !failure.retryable || claimed.attempts >= this.options.maxAttempts;
    return this.dataSource.transaction(async (manager: EntityManager) => {
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
