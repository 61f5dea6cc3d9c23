/**
 * Cases: applicants, applications and their workflows, work queues, decisions and deadlines. This context owns the
 * person records (with their encrypted identifiers and duplicate keys), the files of the three kinds, their
 * workflow definitions (as data), their history, clocks and assignment. Other contexts use only what is exported
 * here.
 */
export * from './cases.errors';
export * from './domain/workflow/workflow-definition';
export * from './domain/workflow/case-snapshot';
export { workflowFor, isCaseKind, WORKFLOWS, assertAllWorkflowsValid } from './domain/workflow/workflows';
export { workflowToMermaid } from './domain/workflow/workflow-mermaid';
export { workflowProblems } from './domain/workflow/workflow-validator';
export { REGULARISATION_CATEGORIES, CRITERIA_VERSIONS, criteriaVersion, type RegularisationCategory, type CriteriaVersion } from './domain/eligibility/criteria';
export type { EligibilityFacts, PartialDate } from './domain/eligibility/eligibility-facts';
export { assessEligibility, assessAllCategories, type EligibilityAssessment } from './domain/eligibility/assess-eligibility';
export { DEFAULT_CLOCK_POLICY, type ClockPolicy, type AsylumModality } from './domain/deadlines/clock-policy';
export { generateReference, parseReference } from './domain/reference/case-reference';
export { hashAccessCode, accessCodeMatches } from './domain/reference/access-code';
export { nameSkeleton, nameKeys } from './domain/identity-keys/name-skeleton';

// Persistence, modules and the public use cases.
export { CasesMigrations } from './migrations';
export { CasesModule } from './cases.module';
export { CasesWorkerModule } from './cases-worker.module';
export { CASES_ENTITIES } from './cases-core.module';
export { PerformTransition, type TransitionCommand, type TransitionResult } from './transitions/perform-transition.use-case';
export { SweepDeadlines, type SweepReport } from './deadlines/sweep-deadlines.use-case';
export { OpenDueRenewals } from './deadlines/open-due-renewals.use-case';
export { ReencryptPersonalData } from './crypto/reencrypt-personal-data.use-case';
/** Right of access and retention: what the status and retention work call (legal holds are checked by the caller). */
export { ExportApplicantData, type ApplicantDataExport } from './applicants/applicant-data-export';
export { EraseApplicantData } from './applicants/erase-applicant-data.use-case';
export { ApplicantRecipientDirectory } from './ports/applicant-recipient-directory';
export { CaseFilesAdapter } from './ports/case-files.adapter';
/** Identity's OfficeOpenFiles port (an office with open files cannot be deactivated). */
export { CaseOfficeOpenFiles } from './ports/office-open-files';
export {
  ApplicationStatusReader,
  applicationStatusByReferenceSql,
  type ApplicationStatusFacts,
  type ApplicantActionEvent,
  type AlongsideValue,
} from './ports/application-status-reader';
/** Bulk intake of a campaign office's list (the intake context stages the rows, this context registers them). */
export { SealCampaignRows } from './bulk/seal-campaign-rows';
export { RegisterCampaignBatch, type CampaignChunk } from './bulk/register-campaign-batch.use-case';
/** A row the duplicate search set aside, once a caseworker decided it (a new person, or a file on a person found). */
export { RegisterReviewedCampaignRow, type ReviewedCampaignRow, type ReviewedRowFile } from './bulk/register-reviewed-campaign-row.use-case';
export type { CampaignPerson, SealedCampaignRow, StagedCampaignRow, CampaignRowOutcome } from './bulk/campaign-row';
export { IDENTITY_DOCUMENT_TYPES, type IdentityDocumentType } from './persistence/identity-document.entity';
export { currentCriteriaVersion } from './applications/application-factory';
export { WorkQueueQuery, workQueueSql, stateCountsSql, WORK_QUEUE_VIEWS, type WorkQueueView, type WorkQueuePage, type WorkQueueRequest } from './work-queue/work-queue.query';
export { rebuildApplicationStateCounts } from './work-queue/state-counts';
/**
 * Contract with the notifications context: every applicant-facing event is a `case_events` row written in the
 * transition's transaction (type, params with codes/dates/reference only, occurrence key = the history id); the
 * ones with a message (see `messageFor`) also go through `NotificationRequests.request(manager, ...)`, which writes
 * the `notifications` row and the 'notifications.dispatch' outbox message in that same transaction, with
 * recipientId = the applicant id (reachable through ApplicantRecipientDirectory).
 */
export { messageFor, type CaseEventParams } from './notify/applicant-notifier';
/** Read ports: what the letters and supervision contexts read of the files, so that they never query the cases tables. */
export { CaseFactsForLetters, type ReceiptFacts, type DecisionFacts } from './letters-facts/case-facts-for-letters';
/** The audit trail's scope port (`AuditScope`): which events a supervisor may read, by the case scope. */
export { CaseAuditScope } from './audit-scope/case-audit-scope';
export { CaseReporting, decisionsTakenSql, decisionActions, PERSON_FILES_SQL, type DecisionAction, type FileLabel, type PersonFile, type FileClock } from './reporting/case-reporting';
export {
  CaseStatistics,
  CASE_REPORT_VIEWS,
  FILE_COUNT_DIMENSIONS,
  type CaseReportView,
  type FileCountDimension,
  type StatisticsFilter,
  type FileCountsRequest,
  type DecisionCountsRequest,
  type CountCell,
  type StageDuration,
} from './reporting/case-statistics';
