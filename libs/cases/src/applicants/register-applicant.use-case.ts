import { Injectable } from '@nestjs/common';
import type { Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { Transactions } from '@masar/database';
import { CasesErrors } from '../cases.errors';
import { CasesCrypto } from '../crypto/cases-crypto';
import { normaliseDocumentNumber } from '../crypto/field-cipher';
import { nameKeys } from '../domain/identity-keys/name-skeleton';
import type { PartialDate } from '../domain/eligibility/eligibility-facts';
import type { IdentityDocumentType } from '../persistence/identity-document.entity';
import { FindDuplicateCandidates, type DuplicateCandidate } from './find-duplicate-candidates.query';

export interface PersonDetails {
  latinName?: string | null;
  arabicName?: string | null;
  birthDate?: PartialDate | null;
  sex?: 'female' | 'male' | null;
  nationality?: string | null;
  documents?: { type: IdentityDocumentType; number: string; issuingCountry?: string | null; expiresOn?: string | null }[];
  phone?: string | null;
  email?: string | null;
  preferredLanguage?: 'ar' | 'fr' | 'en' | 'es';
  address?: string | null;
  /** The caseworker saw the candidates and confirms this is a new person. */
  confirmNew?: boolean;
}

export type RegistrationOutcome =
  | { outcome: 'registered'; applicantId: string }
  | { outcome: 'candidates'; candidates: DuplicateCandidate[] };

/**
 * Registers a person, searching first. With likely duplicates and no confirmation, nothing is written and the
 * candidates come back: the caseworker picks one (and opens the file on that person) or confirms a new person.
 */
@Injectable()
export class RegisterApplicant {
  constructor(
    private readonly transactions: Transactions,
    private readonly duplicates: FindDuplicateCandidates,
    private readonly crypto: CasesCrypto,
    private readonly audit: AuditTrail,
  ) {}

  execute(actor: Actor, d: PersonDetails): Promise<RegistrationOutcome> {
    return this.transactions.run(async (m) => {
      const candidates = await this.duplicates.find(m, {
        latinName: d.latinName,
        arabicName: d.arabicName,
        birthYear: d.birthDate?.year ?? null,
        nationality: d.nationality ?? null,
        documentNumbers: (d.documents ?? []).map((x) => x.number),
      });
      if (candidates.length > 0 && !d.confirmNew) return { outcome: 'candidates', candidates };
      // Confirming a new person is not allowed over an identical document number: that is the same person.
      if (candidates.some((c) => c.matchedOn.includes('document_number'))) {
        throw CasesErrors.duplicateCandidates(candidates.filter((c) => c.matchedOn.includes('document_number')));
      }
      const keys = nameKeys(d.latinName, d.arabicName);
      const c = this.crypto.cipher;
      const [row]: { id: string }[] = await m.query(
        `insert into applicants (latin_name, arabic_name, name_keys, name_skeleton, birth_year, birth_date_enc, sex, nationality,
           phone_enc, email_enc, address_enc, preferred_language, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
        [
          d.latinName?.trim() || null,
          d.arabicName?.trim() || null,
          keys,
          keys.join(' '),
          d.birthDate?.year ?? null,
          d.birthDate ? c.encrypt(JSON.stringify(d.birthDate), 'applicants.birth_date') : null,
          d.sex ?? null,
          d.nationality ?? null,
          c.encryptNullable(d.phone, 'applicants.phone'),
          c.encryptNullable(d.email?.toLowerCase(), 'applicants.email'),
          c.encryptNullable(d.address, 'applicants.address'),
          d.preferredLanguage ?? 'fr',
          actor.userId,
        ],
      );
      for (const doc of d.documents ?? []) {
        await m.query(
          `insert into applicant_identity_documents (applicant_id, type, number_enc, number_index, issuing_country, expires_on)
           values ($1, $2, $3, $4, $5, $6)`,
          [row!.id, doc.type, c.encrypt(normaliseDocumentNumber(doc.number), 'applicant_identity_documents.number'), this.crypto.blindIndex.documentNumber(doc.number), doc.issuingCountry ?? null, doc.expiresOn ?? null],
        );
      }
      await this.audit.record(m, {
        action: 'case.applicant_registered',
        actorId: actor.userId,
        actorRole: actor.role,
        subjectType: 'applicant',
        subjectId: row!.id,
        fields: Object.keys(d).filter((k) => k !== 'confirmNew' && (d as Record<string, unknown>)[k] !== undefined),
        details: { candidatesShown: candidates.length, confirmedNew: !!d.confirmNew },
      });
      return { outcome: 'registered', applicantId: row!.id };
    });
  }
}
