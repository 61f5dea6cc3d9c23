import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person. Names are kept readable (the caseworker searches them); identifying values are cipher texts. */
@Entity('applicants')
export class Applicant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'latin_name', type: 'text', nullable: true }) latinName: string | null;
  @Column({ name: 'arabic_name', type: 'text', nullable: true }) arabicName: string | null;
  @Column({ name: 'name_keys', type: 'text', array: true }) nameKeys: string[];
  @Column({ name: 'name_skeleton', type: 'text' }) nameSkeleton: string;
  @Column({ name: 'birth_year', type: 'int', nullable: true }) birthYear: number | null;
  @Column({ name: 'birth_date_enc', type: 'text', nullable: true }) birthDateEnc: string | null;
  @Column({ type: 'text', nullable: true }) sex: 'female' | 'male' | null;
  @Column({ type: 'char', length: 2, nullable: true }) nationality: string | null;
  @Column({ name: 'phone_enc', type: 'text', nullable: true }) phoneEnc: string | null;
  @Column({ name: 'email_enc', type: 'text', nullable: true }) emailEnc: string | null;
  @Column({ name: 'address_enc', type: 'text', nullable: true }) addressEnc: string | null;
  @Column({ name: 'preferred_language', type: 'text' }) preferredLanguage: 'ar' | 'fr' | 'en' | 'es';
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
