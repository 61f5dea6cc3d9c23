import type { PartialDate } from '../domain/eligibility/eligibility-facts';
import type { IdentityDocumentType } from '../persistence/identity-document.entity';

/** One person and one regularisation file as an office lists them in a campaign CSV, after format checks. */
export interface CampaignPerson {
  latinName: string | null;
  arabicName: string | null;
  sex: 'female' | 'male' | null;
  birthDate: PartialDate;
  nationality: string;
  documentType: IdentityDocumentType;
  documentNumber: string;
  issuingCountry: string | null;
  phone: string | null;
  email: string | null;
  preferredLanguage: 'ar' | 'fr' | 'en' | 'es';
  category: string;
}

/**
 * The same row ready to be staged: what the cases tables store, already encrypted and keyed (the plain date of
 * birth, contact details and document number never reach the staging table). Names are stored in clear by the
 * cases context too (they are what staff search and read).
 */
export interface SealedCampaignRow {
  latinName: string | null;
  arabicName: string | null;
  /** nameKeys(...) joined by spaces (a key never holds a space): the applicants.name_skeleton column. */
  nameSkeleton: string;
  birthYear: number;
  birthDateEnc: string;
  sex: 'female' | 'male' | null;
  nationality: string;
  phoneEnc: string | null;
  emailEnc: string | null;
  preferredLanguage: string;
  documentType: string;
  documentNumberEnc: string;
  documentIndex: string;
  issuingCountry: string | null;
  category: string;
}

/** A sealed row with its line in the office's file (1 = the header). */
export interface StagedCampaignRow extends SealedCampaignRow {
  line: number;
}

export type CampaignRowOutcome =
  | { line: number; outcome: 'imported'; applicantId: string; applicationId: string; reference: string; accessCodeSealed: string }
  | {
      line: number;
      outcome: 'review';
      /** Existing persons this row looks like. */
      candidateIds: string[];
      /** Earlier lines of the same import this row looks like. */
      candidateLines: number[];
      matchedOn: string[];
    };
