/**
 * Shapes the API answers that its OpenAPI document does not describe yet: the endpoints of issues 3-5 still being
 * built (cases, status, reports, supervision) and a few landed ones whose controllers declare no response schema.
 * Each is written from the contract or from the server's own types. `PendingPaths` feeds the typed client
 * only for paths the generated schema lacks: when a path lands, the generated types take over and any difference
 * becomes a compile error in the screens that use it.
 */
import type { ProblemBody } from './problem';
import type { components } from './schema';

export type CaseKind = 'regularisation' | 'asylum' | 'renewal';
export type Role = 'applicant' | 'caseworker' | 'supervisor' | 'admin';

// ---- status (issue 5; libs/status/src/lookup/status-answer.ts)
export type ToDo =
  | { action: 'provide_documents'; text: string; documents: string[]; dueOn: string | null }
  | { action: 'attend_interview'; text: string; at: string; place: string }
  | { action: 'appeal'; text: string; dueOn: string }
  | { action: 'collect_card'; text: string; place: string };

/** What the applicant is told: only what they already hold; every text already in the language asked. */
export interface StatusAnswer {
  /** In the signed-in applicant's list only, once the API gives it: the file's id, for its checklist and uploads. */
  applicationId?: string;
  reference: string;
  language: 'ar' | 'fr' | 'en' | 'es';
  direction: 'ltr' | 'rtl';
  /** The kind of application, in words. */
  application: string;
  office: string;
  stage: { code: string; title: string };
  toDo: ToDo[];
  nextStep: string;
}

export interface StatusRequest {
  reference: string;
  accessCode: string;
  language?: 'ar' | 'fr' | 'en' | 'es';
}

// ---- work queue (issue 3; libs/cases/src/http/work-queue.dto.ts)
export const QUEUE_VIEWS = ['mine', 'office', 'unassigned', 'overdue', 'due_this_week', 'awaiting_my_confirmation'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueueItem {
  id: string;
  reference: string;
  kind: CaseKind;
  category: string | null;
  state: string;
  stage: string;
  nationality: string | null;
  officeId: string;
  assigneeId: string | null;
  dueAt: string | null;
  overdue: boolean;
  version: number;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
  counts?: { [state: string]: number };
}

export interface QueueQuery {
  view?: QueueView;
  kind?: CaseKind;
  category?: string;
  state?: string;
  nationality?: string;
  assigneeId?: string;
  cursor?: string;
  limit?: number;
  counts?: boolean;
}

// ---- files (issue 3; libs/cases/src/applications/get-application.query.ts)
export type GuardName =
  | 'documents_verified'
  | 'four_eyes'
  | 'reasons_written'
  | 'different_officer_than_first_decision'
  | 'interview_held'
  | 'interview_details_given'
  | 'information_requested_listed'
  | 'consent_recorded';

export interface AllowedAction {
  action: string;
  label: string;
  to: string;
  /** Guards the file does not satisfy yet (documents, four eyes, interview...): the button is shown disabled. */
  blockedBy: GuardName[];
  /** What the person must give with the action (reasons, interview details, consent...). */
  needs: GuardName[];
}

export interface HistoryEntry {
  version: number;
  action: string;
  from: string | null;
  to: string;
  actorId: string;
  actorRole: string;
  reason: string | null;
  at: string;
}

export interface CaseNote {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
}

export interface EligibilityReason {
  code: string;
  /** True: the condition holds; false: it does not; null: a fact is missing. */
  holds: boolean | null;
  text: string;
}

export interface EligibilityAssessment {
  category: string;
  criteriaVersion: string;
  verdict: 'meets' | 'does_not_meet' | 'cannot_tell';
  reasons: EligibilityReason[];
}

export interface ApplicationDetail {
  id: string;
  reference: string;
  kind: CaseKind;
  category: string | null;
  criteriaVersion: string | null;
  modality: string | null;
  state: string;
  stage: string;
  final: boolean;
  version: number;
  officeId: string;
  appealOfficeId: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  proposal: { outcome: 'favourable' | 'unfavourable'; proposedBy: string; at: string; reason?: string | null } | null;
  firstDecision: { outcome: 'favourable' | 'unfavourable'; deciders: string[]; at: string } | null;
  interview: { at: string; place: string; interpreterLanguage: string | null } | null;
  interviewHeldAt: string | null;
  cardExpiresOn: string | null;
  linkedApplicationId: string | null;
  applicant: { id: string; latinName: string | null; arabicName: string | null; birthYear: number | null; nationality: string | null; sex: string | null; preferredLanguage: string };
  eligibility: EligibilityAssessment | null;
  otherCategories: EligibilityAssessment[];
  clocks: { clock: string; startedAt: string; dueAt: string; escalatedAt: string | null }[];
  history: HistoryEntry[];
  notes: CaseNote[];
  actions: AllowedAction[];
}

export interface TransitionRequest {
  action: string;
  expectedVersion: number;
  reason?: string;
  data?: { [key: string]: unknown };
}

export interface TransitionResult {
  id: string;
  reference: string;
  state: string;
  stage: string;
  version: number;
  historyId: string;
  opened?: CreatedApplication;
}

export interface WorkflowView {
  kind: CaseKind;
  version: number;
  initial: string;
  states: { name: string; stage: string; final?: boolean; clock?: string }[];
  transitions: { action: string; label: string; from: string[]; to: string; by: string[]; guards: string[] }[];
}

// ---- registration (issue 3; libs/cases/src/http/applicants.dto.ts)
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export type IdentityDocumentType = 'passport' | 'national_id' | 'consular_card' | 'travel_document' | 'residence_card' | 'other';

export interface PersonInput {
  latinName?: string;
  arabicName?: string;
  birthDate?: PartialDate;
  sex?: 'female' | 'male';
  nationality?: string;
  documents?: { type: IdentityDocumentType; number: string; issuingCountry?: string; expiresOn?: string }[];
}

export interface RegisterApplicantInput extends PersonInput {
  phone?: string;
  email?: string;
  preferredLanguage?: 'ar' | 'fr' | 'en' | 'es';
  address?: string;
  /** The candidates were seen and this is a new person. */
  confirmNew?: boolean;
}

export interface DuplicateCandidate {
  id: string;
  latinName: string | null;
  arabicName: string | null;
  birthYear: number | null;
  nationality: string | null;
  matchedOn: ('document_number' | 'name_key' | 'name_trigram' | 'name_phonetic')[];
  nameSimilarity: number;
  applicationCount: number;
}

export interface Registration {
  outcome: 'registered' | 'candidates';
  applicantId?: string;
  candidates?: DuplicateCandidate[];
}

export type RegularisationCategory =
  | 'spouse_of_moroccan'
  | 'spouse_of_foreigner'
  | 'child_of_eligible_parent'
  | 'work_contract'
  | 'residence_five_years'
  | 'serious_illness'
  | 'woman'
  | 'child'
  | 'unaccompanied_minor'
  | 'worker_without_contract';

export interface OpenApplicationInput {
  kind: CaseKind;
  applicantId: string;
  officeId?: string;
  category?: RegularisationCategory;
  criteriaVersion?: string;
  modality?: 'regular' | 'accelerated' | 'simplified';
  facts?: {
    sex?: 'female' | 'male';
    birthDate?: PartialDate;
    entryDate?: string;
    residenceSince?: string;
    marriage?: { since: string; spouseStatus: 'moroccan' | 'foreigner_regular' | 'foreigner_irregular' };
    parentStatus?: 'moroccan' | 'foreigner_regular' | 'foreigner_irregular';
    contractMonths?: number;
    worksWithoutContract?: boolean;
    seriousIllness?: boolean;
    unaccompanied?: boolean;
  };
  cardExpiresOn?: string;
}

export interface CreatedApplication {
  id: string;
  reference: string;
  /** Shown once, for the receipt. */
  accessCode: string;
  state: string;
  version: number;
}

// ---- documents (described by the OpenAPI document: the generated types)
export type ChecklistItem = components['schemas']['ChecklistItemDto'];
export type ChecklistStatus = ChecklistItem['status'];
export type Checklist = components['schemas']['ChecklistDto'];
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
export type InboxItem = components['schemas']['InboxMessageDto'];
export type InboxPage = components['schemas']['InboxPageDto'];
export type DeadLetter = components['schemas']['DeadLetterDto'];

// ---- audit (issue 5, landed; no response schema)
export interface AuditEventView {
  seq: string;
  id: string;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string | null;
  applicationId: string | null;
  fields: string[];
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  hash: string;
}
export interface AuditEventPage {
  events: AuditEventView[];
  nextCursor: string | null;
}
export interface AuditVerification {
  ok: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  signaturesChecked: boolean;
  head: { seq: string; hash: string } | null;
  lastCheckpoint: { seq: string; createdAt: string } | null;
  firstBreak: { kind: string; seq: string; id: string | null; detail: string } | null;
  durationMs: number;
}

// ---- reports (issue 5; libs/supervision/src/reports)
/** What the screens draw: named columns, rows of values (the first column names the row). */
export interface ReportTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export const FILE_DIMENSIONS = ['state', 'kind', 'category', 'office', 'nationality', 'month'] as const;
export type FileDimension = (typeof FILE_DIMENSIONS)[number];

export interface ReportOptions {
  publication?: boolean;
  format?: 'json' | 'csv';
  kind?: CaseKind;
  from?: string;
  to?: string;
}

/** Files (or overdue files) by one dimension down, optionally one across, with totals. */
export interface CrossTableReport {
  report: string;
  publication: boolean;
  refreshedAt: string | null;
  rowDimension: string;
  columnDimension: string | null;
  columns: string[];
  rows: { key: string; label?: string; cells: Record<string, number | null>; total: number | null }[];
  columnTotals: Record<string, number | null>;
  grandTotal: number | null;
  suppressed: number;
}

export interface GrantRatesReport {
  report: 'grant-rates';
  by: 'office' | 'officer';
  part: 'proposed' | 'confirmed';
  publication: boolean;
  refreshedAt: string | null;
  rows: { key: string; label: string; decisions: number | null; favourable: number | null; unfavourable: number | null; grantRate: number | null }[];
  totals: { decisions: number | null; favourable: number | null; unfavourable: number | null };
  suppressed: number;
}

export interface ProcessingTimesReport {
  report: 'processing-times';
  publication: boolean;
  refreshedAt: string | null;
  rows: { office: string; kind: string; stage: string; stays: number | null; medianDays: number | null; p90Days: number | null }[];
  suppressed: number;
}

// ---- letters (described by the OpenAPI document: the generated types)
export type IssuedLetter = components['schemas']['IssuedLetterDto'];

// ---- quality sampling (issue 5; libs/supervision/src/sampling)
export interface QualitySample {
  id: string;
  week: string;
  applicationId: string;
  reference: string;
  kind: string;
  instance: 'first' | 'appeal';
  outcome: 'favourable' | 'unfavourable';
  officerId: string;
  officerName: string;
  decidedAt: string;
  youMayReview: boolean;
  finding: 'agree' | 'disagree' | null;
  comment: string | null;
}

// ---- the typed-client description of the pending paths
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ProblemResponse = { headers: { [name: string]: unknown }; content: { 'application/problem+json': ProblemBody } };
type Params<Q, P> = { query?: Q; header?: never; path: P; cookie?: never };
type NoPath = { query?: never; header?: never; path?: never; cookie?: never };
type Op<Res, Body = undefined, Q = never, P = undefined> = {
  parameters: P extends undefined ? ([Q] extends [never] ? NoPath : { query?: Q; header?: never; path?: never; cookie?: never }) : Params<Q, P>;
  responses: { 200: Json<Res>; default: ProblemResponse };
} & ([Body] extends [undefined] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });
type Id = { id: string };

/**
 * Endpoints of the issues not in the API's OpenAPI document yet. Empty now: every route the screens call is in the
 * generated schema (the shapes above are still used for routes whose controllers declare no response schema).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PendingPaths {}
