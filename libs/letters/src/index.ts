/**
 * Letters: the PDFs Masar hands or sends to applicants — the receipt at submission and the decision letter — in
 * Arabic (right to left), French, English or Spanish. This context owns the fixed texts of every letter in the four
 * languages and their layout; it needs no database: callers pass view models holding ready-to-print texts and
 * calendar dates, and get PDF bytes back. Storing a letter as a document of a file is the worker's job.
 */
export { LANGUAGES, isLanguage, writingDirection, type Language, type WritingDirection } from './language';
export { type LocalDate, formatLocalDate } from './local-date';
export { APPLICATION_KINDS, APPLICATION_KIND_LABELS, type ApplicationKind } from './labels/application-kind.labels';
export { LettersErrorCode, LettersErrors } from './letters.errors';
export { statusPageUrl } from './status-page-url';
export type { ReceiptInput } from './receipt/receipt.view-model';
export { renderReceipt } from './receipt/render-receipt';
export type {
  AppealRoute,
  Decision,
  DecisionLetterInput,
  DecisionStage,
  FinalRejection,
  GrantedDecision,
  RejectedDecision,
} from './decision-letter/decision-letter.view-model';
export { renderDecisionLetter } from './decision-letter/render-decision-letter';
export { LettersMigrations } from './migrations';
export { LettersWorkerModule } from './letters-worker.module';
export { IssueReceipt, type IssueOutcome } from './issue/issue-receipt.use-case';
export { IssueDecisionLetter } from './issue/issue-decision-letter.use-case';
export { LettersModule } from './letters.module';
