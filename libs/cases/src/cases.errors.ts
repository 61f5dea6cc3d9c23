import { DomainError } from '@masar/errors';

/** The stable error codes of the cases context; the problem filter turns them into application/problem+json. */
export const CasesErrorCode = {
  NotFound: 'CASES_NOT_FOUND',
  ActionNotAllowed: 'CASES_ACTION_NOT_ALLOWED',
  ActionForbidden: 'CASES_ACTION_FORBIDDEN',
  GuardFailed: 'CASES_GUARD_FAILED',
  VersionConflict: 'CASES_VERSION_CONFLICT',
  UnknownKind: 'CASES_UNKNOWN_KIND',
  InvalidReference: 'CASES_INVALID_REFERENCE',
  CategoryRequired: 'CASES_CATEGORY_REQUIRED',
  UnknownCategory: 'CASES_UNKNOWN_CATEGORY',
  UnknownCriteriaVersion: 'CASES_UNKNOWN_CRITERIA_VERSION',
  ApplicantNotFound: 'CASES_APPLICANT_NOT_FOUND',
  DuplicateCandidatesExist: 'CASES_DUPLICATE_CANDIDATES',
  MergeInvalid: 'CASES_MERGE_INVALID',
  NothingToClaim: 'CASES_NOTHING_TO_CLAIM',
  AssigneeInvalid: 'CASES_ASSIGNEE_INVALID',
  OfficeInvalid: 'CASES_OFFICE_INVALID',
  InvalidCursor: 'CASES_INVALID_CURSOR',
  FileClosed: 'CASES_FILE_CLOSED',
  NotApplicable: 'CASES_NOT_APPLICABLE',
  ConsentRequired: 'CASES_CONSENT_REQUIRED',
} as const;
export type CasesErrorCode = (typeof CasesErrorCode)[keyof typeof CasesErrorCode];

export interface GuardFailure {
  guard: string;
  detail: string;
}

export const CasesErrors = {
  /** Also answered for a file outside the actor's scope: its existence is not disclosed. */
  notFound: (what = 'application') =>
    new DomainError(CasesErrorCode.NotFound, 404, 'Not found', `The ${what} does not exist or is not yours to see.`),
  actionNotAllowed: (action: string, state: string, allowedActions: string[]) =>
    new DomainError(
      CasesErrorCode.ActionNotAllowed,
      422,
      'Action not allowed in this state',
      `"${action}" cannot be taken on a file in state "${state}".`,
      { state, allowedActions },
    ),
  actionForbidden: (action: string) =>
    new DomainError(CasesErrorCode.ActionForbidden, 403, 'Not yours to take', `Your role or office may not take "${action}" on this file.`),
  guardFailed: (action: string, failures: GuardFailure[]) =>
    new DomainError(
      CasesErrorCode.GuardFailed,
      422,
      'Conditions not met',
      `"${action}" needs: ${failures.map((f) => f.detail).join(' ')}`,
      { failedGuards: failures },
    ),
  versionConflict: (expected: number, current: number) =>
    new DomainError(
      CasesErrorCode.VersionConflict,
      409,
      'The file changed meanwhile',
      `You acted on version ${expected}; the file is now at version ${current}. Reload it and try again.`,
      { currentVersion: current },
    ),
  unknownKind: (kind: string) => new DomainError(CasesErrorCode.UnknownKind, 404, 'Unknown workflow', `There is no workflow "${kind}".`),
  invalidReference: () =>
    new DomainError(CasesErrorCode.InvalidReference, 422, 'Invalid reference', 'The reference is not well formed (check its characters).'),
  categoryRequired: () =>
    new DomainError(CasesErrorCode.CategoryRequired, 422, 'Category required', 'A regularisation application needs a category.'),
  unknownCategory: (category: string, version: string) =>
    new DomainError(CasesErrorCode.UnknownCategory, 422, 'Unknown category', `Category "${category}" is not part of criteria ${version}.`),
  unknownCriteriaVersion: (version: string) =>
    new DomainError(CasesErrorCode.UnknownCriteriaVersion, 422, 'Unknown criteria version', `There are no criteria "${version}".`),
  applicantNotFound: () =>
    new DomainError(CasesErrorCode.ApplicantNotFound, 404, 'Applicant not found', 'The applicant does not exist or was merged away.'),
  duplicateCandidates: (candidates: unknown[]) =>
    new DomainError(
      CasesErrorCode.DuplicateCandidatesExist,
      409,
      'Possible duplicates',
      'Similar persons are already registered: pick one, or confirm that this is a new person.',
      { candidates },
    ),
  mergeInvalid: (detail: string) => new DomainError(CasesErrorCode.MergeInvalid, 422, 'Merge not possible', detail),
  nothingToClaim: () => new DomainError(CasesErrorCode.NothingToClaim, 404, 'Nothing to claim', 'No unassigned file is waiting in your office.'),
  assigneeInvalid: (detail: string) => new DomainError(CasesErrorCode.AssigneeInvalid, 422, 'Assignee not possible', detail),
  officeInvalid: (detail: string) => new DomainError(CasesErrorCode.OfficeInvalid, 422, 'Office not possible', detail),
  invalidCursor: () => new DomainError(CasesErrorCode.InvalidCursor, 400, 'Invalid cursor', 'The page cursor is not valid; start again from the first page.'),
  consentRequired: () =>
    new DomainError(CasesErrorCode.ConsentRequired, 422, 'Consent required', "A referral needs the person's consent, recorded with its date."),
  notApplicable: (detail: string) => new DomainError(CasesErrorCode.NotApplicable, 422, 'Not applicable to this file', detail),
  fileClosed: (state: string) => new DomainError(CasesErrorCode.FileClosed, 422, 'File closed', `The file is in final state "${state}".`),
};
