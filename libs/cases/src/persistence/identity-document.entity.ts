import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const IDENTITY_DOCUMENT_TYPES = ['passport', 'national_id', 'consular_card', 'travel_document', 'residence_card', 'other'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** An identity document of a person: the number encrypted, with a keyed blind index for exact search. */
@Entity('applicant_identity_documents')
export class IdentityDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId: string;
  @Column({ type: 'text' }) type: IdentityDocumentType;
  @Column({ name: 'number_enc', type: 'text' }) numberEnc: string;
  @Column({ name: 'number_index', type: 'char', length: 64 }) numberIndex: string;
  @Column({ name: 'issuing_country', type: 'char', length: 2, nullable: true }) issuingCountry: string | null;
  @Column({ name: 'expires_on', type: 'date', nullable: true }) expiresOn: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
