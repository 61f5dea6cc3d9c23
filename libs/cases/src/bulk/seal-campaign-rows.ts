import { Injectable } from '@nestjs/common';
import { CasesCrypto } from '../crypto/cases-crypto';
import { normaliseDocumentNumber } from '../crypto/field-cipher';
import { nameKeys } from '../domain/identity-keys/name-skeleton';
import type { CampaignPerson, SealedCampaignRow } from './campaign-row';

/** The receipts of a bulk import keep the access code sealed under this field name until the office takes them. */
const RECEIPT_FIELD = 'intake.receipt.access_code';

/**
 * Prepares campaign rows for staging with the cases context's keys: the fields the applicants tables encrypt are
 * encrypted here, the document number gets its blind index and the names their keys. Staging then holds nothing
 * the cases tables would not hold themselves.
 */
@Injectable()
export class SealCampaignRows {
  constructor(private readonly crypto: CasesCrypto) {}

  seal(p: CampaignPerson): SealedCampaignRow {
    const c = this.crypto.cipher;
    return {
      latinName: p.latinName?.trim() || null,
      arabicName: p.arabicName?.trim() || null,
      nameSkeleton: nameKeys(p.latinName, p.arabicName).join(' '),
      birthYear: p.birthDate.year,
      birthDateEnc: c.encrypt(JSON.stringify(p.birthDate), 'applicants.birth_date'),
      sex: p.sex,
      nationality: p.nationality,
      phoneEnc: c.encryptNullable(p.phone, 'applicants.phone'),
      emailEnc: c.encryptNullable(p.email?.toLowerCase(), 'applicants.email'),
      preferredLanguage: p.preferredLanguage,
      documentType: p.documentType,
      documentNumberEnc: c.encrypt(normaliseDocumentNumber(p.documentNumber), 'applicant_identity_documents.number'),
      documentIndex: this.crypto.blindIndex.documentNumber(p.documentNumber),
      issuingCountry: p.issuingCountry,
      category: p.category,
    };
  }

  /** Seals an access code for the receipts the office takes once. */
  sealAccessCode(code: string): string {
    return this.crypto.cipher.encrypt(code, RECEIPT_FIELD);
  }

  /** The access code of a receipt, for the one download of the receipts. */
  revealAccessCode(sealed: string): string {
    return this.crypto.cipher.decrypt(sealed, RECEIPT_FIELD);
  }
}
