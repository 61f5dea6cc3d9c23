/**
 * Intake: bulk registration of campaign lists. An office's caseworker or supervisor uploads a CSV (one person and
 * one regularisation file per row); this context owns the import batches: staging (the rows checked, sealed by the
 * cases context and COPYed), the per-row errors, the import job that has the cases context register the staged
 * rows chunk by chunk (set-based, resumable; a batch that fails for good is `failed` until resumed), the review list
 * of likely duplicates and the caseworkers' decisions on it, and the one-time receipts. It writes no table of
 * another context: the files are created by `RegisterCampaignBatch` and `RegisterReviewedCampaignRow` of @masar/cases.
 */
export { IntakeModule, IntakeWorkerModule } from './intake.module';
export { IntakeMigrations } from './migrations';
export { IntakeErrorCode, IntakeErrors } from './intake.errors';
export { ROW_ERROR_CODES, type RowErrorCode, type RowError } from './csv/row-errors';
export { CAMPAIGN_COLUMNS, COLUMN_NAMES, type CampaignColumn } from './csv/campaign-columns';
export { ImportBatch, type ChunkStep } from './import/import-batch.use-case';
export { IntakeProcessor } from './import/intake.processor';
export { FailBatch } from './failure/fail-batch.use-case';
export { SweepStalledBatches, MAX_SWEEP_REQUEUES, type SweepResult } from './failure/sweep-stalled-batches.use-case';
export { classifyImportFailure, ImportFailureCode, type ImportFailure } from './failure/import-failure';
export { intakeOptionsFrom, type IntakeOptions } from './intake.options';
