import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A caseworker's note on a file: internal, never shown to the applicant. */
@Entity('case_notes')
export class CaseNote {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
