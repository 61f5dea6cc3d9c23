import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something the applicant is told about, once per occurrence (the unique key makes a replay harmless). */
@Entity('case_events')
export class CaseEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'history_id', type: 'uuid', nullable: true }) historyId: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'jsonb' }) params: Record<string, unknown>;
  @Column({ name: 'notification_id', type: 'uuid', nullable: true }) notificationId: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'occurrence_key', type: 'text' }) occurrenceKey: string;
}
