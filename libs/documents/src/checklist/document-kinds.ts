import type { ContentType } from '../content/content-type';

/** The kinds of evidence a file can hold (DOMAIN.md: "A file holds..."; renewal adds the last four). */
export const DOCUMENT_KINDS = [
  'identity_document',
  'photo',
  'proof_of_entry',
  'proof_of_residence',
  'marriage_certificate',
  'work_contract',
  'medical_certificate',
  'criminal_record_extract',
  'proof_of_address',
  'proof_of_means',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export interface DocumentKindSpec {
  /** Content types accepted for this kind; a photo must be an image, a certificate may be a scan or a PDF. */
  accepts: readonly ContentType[];
  /** Smallest image that is still legible for this kind (either orientation). */
  minImage: { shortSide: number; longSide: number };
  /** Which dates the uploader records with the document. */
  dates: { issuedOn?: boolean; expiresOn?: boolean };
}

const ANY: readonly ContentType[] = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
const IMAGES: readonly ContentType[] = ['image/jpeg', 'image/png', 'image/webp'];
/** A phone photo of an A4 page is readable from about 1000 x 700 pixels; below that, stamps and numbers blur. */
const SCAN = { shortSide: 700, longSide: 1000 };

export const DOCUMENT_KIND_SPECS: Record<DocumentKind, DocumentKindSpec> = {
  identity_document: { accepts: ANY, minImage: { shortSide: 600, longSide: 850 }, dates: { issuedOn: true, expiresOn: true } },
  // An identity photo (35 x 45 mm) printed on a card at 300 dpi needs about 413 x 531 pixels.
  photo: { accepts: IMAGES, minImage: { shortSide: 413, longSide: 531 }, dates: {} },
  proof_of_entry: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  proof_of_residence: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  marriage_certificate: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  work_contract: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  medical_certificate: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  criminal_record_extract: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  proof_of_address: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
  proof_of_means: { accepts: ANY, minImage: SCAN, dates: { issuedOn: true } },
};
