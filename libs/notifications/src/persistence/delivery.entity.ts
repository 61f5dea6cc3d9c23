import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel } from '../channels/delivery-channel.port';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'skipped';

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

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
