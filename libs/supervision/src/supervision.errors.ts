import { DomainError } from '@masar/errors';

export enum SupervisionErrorCode {
  ReportDimensionUnknown = 'SUPERVISION_REPORT_DIMENSION_UNKNOWN',
  SampleNotFound = 'SUPERVISION_SAMPLE_NOT_FOUND',
  SampleAlreadyReviewed = 'SUPERVISION_SAMPLE_ALREADY_REVIEWED',
  ReviewerTookPart = 'SUPERVISION_REVIEWER_TOOK_PART',
  DisagreementUnexplained = 'SUPERVISION_DISAGREEMENT_UNEXPLAINED',
  ApplicationNotFound = 'SUPERVISION_APPLICATION_NOT_FOUND',
  HoldAlreadySet = 'SUPERVISION_LEGAL_HOLD_ALREADY_SET',
  NoHold = 'SUPERVISION_NO_LEGAL_HOLD',
  FileErased = 'SUPERVISION_FILE_ERASED',
  ApplicantNotFound = 'SUPERVISION_APPLICANT_NOT_FOUND',
  FieldNotCorrectable = 'SUPERVISION_FIELD_NOT_CORRECTABLE',
  WeekInvalid = 'SUPERVISION_WEEK_INVALID',
}

export const SupervisionErrors = {
  dimensionUnknown: (name: string, allowed: readonly string[]) =>
    new DomainError(SupervisionErrorCode.ReportDimensionUnknown, 400, 'Unknown report dimension', `"${name.slice(0, 40)}" is not one of: ${allowed.join(', ')}.`, { allowed }),
  sampleNotFound: () => new DomainError(SupervisionErrorCode.SampleNotFound, 404, 'Not found', 'No such sample in your scope.'),
  sampleAlreadyReviewed: () => new DomainError(SupervisionErrorCode.SampleAlreadyReviewed, 409, 'Already reviewed', 'This decision already has a finding.'),
  reviewerTookPart: () =>
    new DomainError(SupervisionErrorCode.ReviewerTookPart, 403, 'Not your decision to review', 'You took part in this decision; another supervisor must give the second look.'),
  disagreementUnexplained: () =>
    new DomainError(SupervisionErrorCode.DisagreementUnexplained, 422, 'Say why', 'A disagreement needs a comment of at least 15 characters.'),
  applicationNotFound: () => new DomainError(SupervisionErrorCode.ApplicationNotFound, 404, 'Not found', 'The file does not exist or is not yours to see.'),
  holdAlreadySet: () => new DomainError(SupervisionErrorCode.HoldAlreadySet, 409, 'Already on hold', 'This file already has a legal hold.'),
  noHold: () => new DomainError(SupervisionErrorCode.NoHold, 404, 'No legal hold', 'This file has no legal hold to release.'),
  fileErased: () => new DomainError(SupervisionErrorCode.FileErased, 409, 'Already erased', 'The personal data of this file were erased under retention.'),
  applicantNotFound: () => new DomainError(SupervisionErrorCode.ApplicantNotFound, 404, 'Not found', 'The person does not exist or is not yours to see.'),
  fieldNotCorrectable: (field: string, allowed: readonly string[]) =>
    new DomainError(SupervisionErrorCode.FieldNotCorrectable, 422, 'Not a correctable field', `"${field.slice(0, 40)}" is not one of: ${allowed.join(', ')}.`, { allowed }),
  weekInvalid: () => new DomainError(SupervisionErrorCode.WeekInvalid, 400, 'Invalid week', 'A week is written YYYY-Www (ISO 8601), for example 2026-W48.'),
};
