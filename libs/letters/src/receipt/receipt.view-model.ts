import type { ApplicationKind } from '../labels/application-kind.labels';
import type { Language } from '../language';
import type { LocalDate } from '../local-date';

/**
 * What a receipt shows, as the caller already knows it: texts ready to print in the applicant's language, no ids.
 * The access code is here because it is printed once, at the counter; it must never be stored beside the file.
 */
export interface ReceiptInput {
  language: Language;
  reference: string;
  accessCode: string;
  kind: ApplicationKind;
  office: { name: string };
  submittedOn: LocalDate;
  /** Names of the documents received, in the applicant's language. */
  documentsReceived: readonly string[];
  /** Names of the documents still missing, in the applicant's language. */
  documentsMissing: readonly string[];
  /** The day by which missing documents are due, when a deadline is set. */
  missingDocumentsDueOn?: LocalDate;
  /** `config.http.publicBaseUrl`: the QR code opens `${publicBaseUrl}/status?ref=REFERENCE`. */
  publicBaseUrl: string;
}
