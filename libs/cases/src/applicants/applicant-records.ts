import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesCrypto } from '../crypto/cases-crypto';
import type { PartialDate } from '../domain/eligibility/eligibility-facts';

export interface ApplicantRecord {
  id: string;
  latinName: string | null;
  arabicName: string | null;
  birthDate: PartialDate | null;
  sex: 'female' | 'male' | null;
  nationality: string | null;
  phone: string | null;
  email: string | null;
  preferredLanguage: string;
  address: string | null;
  userId: string | null;
  mergedIntoId: string | null;
  documents: { id: string; type: string; number: string; issuingCountry: string | null; expiresOn: string | null }[];
}

/** A person as stored, decrypted: for staff who may see them, the person's own access request, and corrections. */
@Injectable()
export class ApplicantRecords {
  constructor(private readonly crypto: CasesCrypto) {}

  async read(manager: EntityManager, applicantId: string, opts: { lock?: boolean } = {}): Promise<ApplicantRecord | null> {
    const [p]: Record<string, any>[] = await manager.query(
      `select id, latin_name, arabic_name, birth_date_enc, sex, nationality, phone_enc, email_enc, address_enc, preferred_language, user_id, merged_into_id
         from applicants where id = $1 ${opts.lock ? 'for update' : ''}`,
      [applicantId],
    );
    if (!p) return null;
    const docs: Record<string, any>[] = await manager.query(
      `select id, type, number_enc, issuing_country, expires_on::text as expires_on from applicant_identity_documents where applicant_id = $1 order by created_at`,
      [applicantId],
    );
    const c = this.crypto.cipher;
    return {
      id: p.id,
      latinName: p.latin_name,
      arabicName: p.arabic_name,
      birthDate: p.birth_date_enc ? (JSON.parse(c.decrypt(p.birth_date_enc, 'applicants.birth_date')) as PartialDate) : null,
      sex: p.sex,
      nationality: p.nationality,
      phone: c.decryptNullable(p.phone_enc, 'applicants.phone'),
      email: c.decryptNullable(p.email_enc, 'applicants.email'),
      preferredLanguage: p.preferred_language,
      address: c.decryptNullable(p.address_enc, 'applicants.address'),
      userId: p.user_id,
      mergedIntoId: p.merged_into_id,
      documents: docs.map((d) => ({
        id: d.id,
        type: d.type,
        number: c.decrypt(d.number_enc, 'applicant_identity_documents.number'),
        issuingCountry: d.issuing_country,
        expiresOn: d.expires_on,
      })),
    };
  }
}
