import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A delivery that kept failing (or failed for good), kept for an admin to see and retry. */
@Entity({ name: 'notification_dead_letters' })
export class DeadLetter {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text' })
  lastError: string;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;

  @Column({ name: 'retried_at', type: 'timestamptz', nullable: true })
  retriedAt: Date | null;

  @Column({ name: 'retried_by', type: 'uuid', nullable: true })
  retriedBy: string | null;
}
