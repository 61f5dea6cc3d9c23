import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseKind, Outcome } from '../domain/workflow/workflow-definition';

/** A file. `version` is the optimistic lock every transition checks and increments. */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) reference: string;
  @Column({ name: 'access_code_hash', type: 'char', length: 64 }) accessCodeHash: string;
  @Column({ type: 'text' }) kind: CaseKind;
  @Column({ type: 'text', nullable: true }) category: string | null;
  @Column({ name: 'criteria_version', type: 'text', nullable: true }) criteriaVersion: string | null;
  @Column({ type: 'text', nullable: true }) modality: 'regular' | 'accelerated' | 'simplified' | null;
  @Column({ name: 'eligibility_facts_enc', type: 'text', nullable: true }) eligibilityFactsEnc: string | null;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId: string;
  @Column({ name: 'office_id', type: 'uuid' }) officeId: string;
  @Column({ name: 'appeal_office_id', type: 'uuid', nullable: true }) appealOfficeId: string | null;
  @Column({ type: 'char', length: 2, nullable: true }) nationality: string | null;
  @Column({ type: 'text' }) state: string;
  @Column({ type: 'boolean' }) final: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'jsonb', nullable: true }) proposal: { outcome: Outcome; proposedBy: string; at: string; reason?: string | null } | null;
  @Column({ name: 'first_decision', type: 'jsonb', nullable: true }) firstDecision: { outcome: Outcome; deciders: string[]; at: string; reason?: string | null } | null;
  @Column({ type: 'jsonb', nullable: true }) interview: { at: string; place: string; interpreterLanguage: string | null } | null;
  @Column({ name: 'interview_held_at', type: 'timestamptz', nullable: true }) interviewHeldAt: Date | null;
  @Column({ name: 'card_expires_on', type: 'date', nullable: true }) cardExpiresOn: string | null;
  @Column({ name: 'linked_application_id', type: 'uuid', nullable: true }) linkedApplicationId: string | null;
  @Column({ name: 'merged_into_application_id', type: 'uuid', nullable: true }) mergedIntoApplicationId: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
