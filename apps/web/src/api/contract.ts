/**
 * Names the screens use for the API's shapes. Every response shape comes from the generated OpenAPI types
 * (schema.d.ts): a field renamed or retyped in an API DTO is a compile error in the screens that read it. What is
 * left here is the web's own: lists of values for its selectors and the tables it draws.
 */
import type { components, paths } from './schema';

type Schemas = components['schemas'];
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type CaseKind = Schemas['ApplicationViewDto']['kind'];
export type Role = 'applicant' | 'caseworker' | 'supervisor' | 'admin';

// ---- status (POST /status; a signed-in applicant's own files: GET /me/files)
/** What the applicant is told: only what they already hold; every text already in the language asked. */
export type StatusAnswer = Schemas['StatusAnswer'];
export type ToDo = StatusAnswer['toDo'][number];
/** One of a signed-in applicant's files: the status answer and the file's id (for its checklist and uploads). */
export type MyFile = JsonOf<paths['/me/files']['get']['responses'][200]>['files'][number];

// ---- work queue
export const QUEUE_VIEWS = ['mine', 'office', 'unassigned', 'overdue', 'due_this_week', 'awaiting_my_confirmation'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export type QueueItem = Schemas['WorkQueueItemDto'];

// ---- files
export type ApplicationDetail = Schemas['ApplicationViewDto'];
export type AllowedAction = Schemas['AllowedActionDto'];
export type HistoryEntry = Schemas['HistoryEntryDto'];

// ---- registration
export type RegisterApplicantInput = Schemas['RegisterApplicantDto'];
export type IdentityDocumentType = Schemas['IdentityDocumentDto']['type'];
export type DuplicateCandidate = Schemas['DuplicateCandidateDto'];
export type RegularisationCategory = NonNullable<Schemas['OpenApplicationDto']['category']>;
export type CreatedApplication = Schemas['OpenedApplicationDto'];

// ---- documents (described by the OpenAPI document: the generated types)
export type ChecklistItem = Schemas['ChecklistItemDto'];
export type ChecklistStatus = ChecklistItem['status'];
export type Checklist = Schemas['ChecklistDto'];
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

// ---- notifications (described by the OpenAPI document: the generated types)
export type InboxItem = Schemas['InboxMessageDto'];
export type InboxPage = Schemas['InboxPageDto'];
export type DeadLetter = Schemas['DeadLetterDto'];

// ---- audit
export type AuditEventPage = Schemas['AuditEventPageDto'];
export type AuditVerification = Schemas['AuditVerificationDto'];

// ---- reports (issue 5; libs/supervision/src/reports)
/** What the screens draw: named columns, rows of values (the first column names the row). */
export interface ReportTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export const FILE_DIMENSIONS = ['state', 'kind', 'category', 'office', 'nationality', 'month'] as const;
export type FileDimension = (typeof FILE_DIMENSIONS)[number];

export type CrossTableReport = Schemas['CrossTableReportDto'];
export type GrantRatesReport = Schemas['GrantRatesReportDto'];
export type ProcessingTimesReport = Schemas['ProcessingTimesReportDto'];

// ---- letters
export type IssuedLetter = Schemas['IssuedLetterDto'];

// ---- quality sampling
export type QualitySample = Schemas['QualitySampleDto'];
