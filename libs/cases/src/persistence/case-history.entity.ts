import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a file's life: who moved it, when, from where to where, and why. Never updated. */
@Entity('case_history')
export class CaseHistoryEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState: string | null;
  @Column({ name: 'to_state', type: 'text' }) toState: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId: string;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at: Date;
}
