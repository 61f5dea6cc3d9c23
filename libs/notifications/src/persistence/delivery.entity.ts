import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel } from '../channels/delivery-channel.port';

/**
 * `unconfirmed`: an e-mail whose sender stopped after its point of no return (the end of DATA written, or about to
 * be) without recording the server's answer; it may or may not have arrived, so it is not sent again by itself
 * (a dead letter with reason `delivery_unconfirmed` lets an admin check and resend it).
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'skipped' | 'unconfirmed';

/** One notification on one channel. */
@Entity({ name: 'notification_deliveries' })
export class Delivery {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ type: 'text' })
  channel: Channel;

  /** Unique per (event occurrence, recipient, channel); also the e-mail Message-ID and the SMS Idempotency-Key. */
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  /** The language the message was written in, and the one asked for when a fallback was used. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ name: 'fallback_from', type: 'text', nullable: true })
  fallbackFrom: string | null;

  @Column({ name: 'sms_segments', type: 'int', nullable: true })
  smsSegments: number | null;

  /** Set at an e-mail's point of no return (see DeliveryPointOfNoReturn1796000950000); cleared by every recorded outcome. */
  @Column({ name: 'committing_at', type: 'timestamptz', nullable: true })
  committingAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
