import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationEvent } from '../events/notification-event';

/** Something the applicant must be told, once per event occurrence and recipient. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  event: NotificationEvent;

  /** What happened, named by the caller (a history entry id...): the same occurrence asked twice is one notification. */
  @Column({ name: 'occurrence_key', type: 'text' })
  occurrenceKey: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  /** The applicant; contact details are read through RecipientDirectory when sending, never copied here. */
  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
