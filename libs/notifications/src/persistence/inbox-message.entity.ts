import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The in-app channel: a message the applicant reads when signed in. */
@Entity({ name: 'notification_inbox' })
export class InboxMessage {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  /** The applicant's account. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
