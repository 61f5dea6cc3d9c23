import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AuditDetailValue } from './chain/audit-hash';

/**
 * A link of the audit chain, for reading. Rows are written only by the `audit_append` database function
 * (see AuditTrail); the application's role cannot insert, change or delete them.
 */
@Entity({ name: 'audit_events' })
// Declared here as the migration makes them, so that a generated migration never proposes to drop them.
@Check('audit_events_seq_positive', 'seq > 0')
@Index('audit_events_application_idx', ['applicationId', 'seq'], { where: 'application_id IS NOT NULL' })
@Index('audit_events_actor_idx', ['actorId', 'seq'], { where: 'actor_id IS NOT NULL' })
@Index('audit_events_action_idx', ['action', 'seq'])
@Index('audit_events_occurred_at_idx', ['occurredAt'])
@Index('audit_events_subject_idx', ['subjectType', 'subjectId', 'seq'], { where: 'subject_id IS NOT NULL' })
export class AuditEventRow {
  /** Position in the chain: 1, 2, 3, ... without gaps. bigint, returned as a string by the driver. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ name: 'application_id', type: 'text', nullable: true })
  applicationId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, AuditDetailValue>;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
