import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClockKind } from '../domain/workflow/workflow-definition';

/** A clock of a file: running while `stopped_at` is null; `next_at` is the next milestone the sweep must act on. */
@Entity('case_deadlines')
export class CaseDeadline {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ type: 'text' }) clock: ClockKind;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'jsonb' }) milestones: { milestone: string; at: string }[];
  @Column({ type: 'text', array: true }) fired: string[];
  @Column({ name: 'next_at', type: 'timestamptz', nullable: true }) nextAt: Date | null;
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true }) stoppedAt: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
}
