import { Inject, Injectable, Logger } from '@nestjs/common';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { requiredDocuments } from '@masar/documents';
import { BUILT_IN_PACKS } from '@masar/notifications';
import { isLanguage, type Language } from '../language';
import { renderReceipt } from '../receipt/render-receipt';
import { LetterArchive } from './letter-archive';
import { LetterSources, type ReceiptSource } from './letter-sources.query';
import type { ReceiptInput } from '../receipt/receipt.view-model';

export type IssueOutcome = { result: 'issued' | 'already_issued'; letterId: string } | { result: 'skipped'; why: string };

/** Document codes named as the applicant knows them, with a capital for a list item. */
export function documentName(code: string, language: Language): string {
  const label = BUILT_IN_PACKS[language].documentLabels[code] ?? code.replace(/_/g, ' ');
  return label.charAt(0).toLocaleUpperCase(language) + label.slice(1);
}

/** The receipt of a file as its source describes it; `accessCode` only on the copy printed at the counter. */
export function receiptInput(source: ReceiptSource, accessCode: string | null, publicBaseUrl: string): ReceiptInput {
  const language: Language = isLanguage(source.language) ? source.language : 'fr';
  const received = new Set(source.documentKinds);
  const missing = requiredDocuments(source.kind, source.category).filter((d) => d.required && !received.has(d.kind));
  return {
    language,
    reference: source.reference,
    accessCode,
    kind: source.kind,
    office: { name: source.officeName },
    submittedOn: source.submittedOn,
    documentsReceived: source.documentKinds.map((k) => documentName(k, language)),
    documentsMissing: missing.map((d) => documentName(d.kind, language)),
    missingDocumentsDueOn: source.documentsDueOn ?? undefined,
    publicBaseUrl,
  };
}

/**
 * The 'letters.receipt' job: the receipt of a submission, kept with the file. This copy has no access code (the
 * code exists in clear only at the counter, where the file is opened); it lists what was received and what is
 * missing at the time of submission.
 */
@Injectable()
export class IssueReceipt {
  private readonly logger = new Logger(IssueReceipt.name);

  constructor(
    private readonly sources: LetterSources,
    private readonly archive: LetterArchive,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
  ) {}

  async execute(applicationId: string): Promise<IssueOutcome> {
    const source = await this.sources.receipt(applicationId);
    if (!source) {
      this.logger.warn({ applicationId }, 'receipt not issued: the file is gone');
      return { result: 'skipped', why: 'file_gone' };
    }
    const input = receiptInput(source, null, this.config.http.publicBaseUrl);
    const pdf = await renderReceipt(input);
    const language = input.language;
    const kept = await this.archive.keep({ applicationId, kind: 'receipt', decisionId: null, language, pdf });
    return { result: kept.issued ? 'issued' : 'already_issued', letterId: kept.id };
  }
}
