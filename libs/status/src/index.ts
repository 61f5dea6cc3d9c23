/**
 * Status: what an applicant learns about their file without a caseworker — the public status check with the
 * receipt's reference and access code (no oracle, failures limited per reference and per address, a reference
 * under attack locked and audited), and the applicant account's files (linked with the same two secrets). Answers
 * are in the applicant's language: the stage in plain words, what to do and by when, and the next step.
 */
export { StatusModule } from './status.module';
export { CheckStatus, type StatusQuestion } from './lookup/check-status.use-case';
export type { StatusAnswer, ToDo } from './lookup/status-answer';
export type { MyFile } from './accounts/list-my-files.query';
export { StatusErrorCode, StatusErrors } from './status.errors';
export { DEFAULT_STATUS_OPTIONS, type StatusOptions } from './status.options';
export { chooseLanguage, fromAcceptLanguage } from './language-choice';
export { documentStatusRoute, STATUS_ANSWER_SCHEMA } from './http/status.route';
/** The status context's part of the look-up statement, for the bare baseline of the status benchmark. */
export { BLOCKED_FOR_SQL } from './lookup/status-facts.query';
export { StatusMigrations } from './migrations';
