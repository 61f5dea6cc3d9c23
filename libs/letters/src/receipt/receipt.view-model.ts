import type { ApplicationKind } from '../labels/application-kind.labels';
import type { Language } from '../language';
import type { LocalDate } from '../local-date';

/**
 * What a receipt shows, as the caller already knows it: texts ready to print in the applicant's language, no ids.
 */
export interface ReceiptInput {
  language: Language;
  reference: string;
  /**
   * The access code, on the copy handed to the applicant at the counter (the code exists in clear only there, when
   * the file is opened). `null` on the copy the worker stores as a document of the file: Masar keeps only a keyed
   * hash of the code, and a stored PDF holding it would undo that.
   */
  accessCode: string | null;
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
