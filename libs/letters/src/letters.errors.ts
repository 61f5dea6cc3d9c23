import { DomainError } from '@masar/errors';

/** Stable codes for what a caller can get wrong when asking for a letter. */
export enum LettersErrorCode {
  ReasonsRequired = 'LETTERS_REASONS_REQUIRED',
  AppealRouteRequired = 'LETTERS_APPEAL_ROUTE_REQUIRED',
  AppealDeadlineTooEarly = 'LETTERS_APPEAL_DEADLINE_TOO_EARLY',
  InvalidDate = 'LETTERS_INVALID_DATE',
  UnsupportedLanguage = 'LETTERS_UNSUPPORTED_LANGUAGE',
  MissingField = 'LETTERS_MISSING_FIELD',
}

/**
 * Letters are rendered by the worker from data the cases context already validated, so these are programming
 * errors upstream: they answer 422 if one ever reaches HTTP, and they stop a job instead of producing a letter that
 * breaks the law (a rejection without reasons, or without the way to appeal it).
 */
export const LettersErrors = {
  reasonsRequired: () =>
    new DomainError(LettersErrorCode.ReasonsRequired, 422, 'Reasons required', 'A rejection letter must state the reasons for the decision.'),
  appealRouteRequired: () =>
    new DomainError(
      LettersErrorCode.AppealRouteRequired,
      422,
      'Appeal route required',
      'A first-instance rejection letter must give the appeal deadline and where to appeal.',
    ),
  appealDeadlineTooEarly: () =>
    new DomainError(
      LettersErrorCode.AppealDeadlineTooEarly,
      422,
      'Appeal deadline too early',
      'The appeal deadline must fall after the day of the decision.',
    ),
  invalidDate: (field: string) =>
    new DomainError(LettersErrorCode.InvalidDate, 422, 'Invalid date', `${field} must be a calendar date written YYYY-MM-DD.`, { field }),
  unsupportedLanguage: () =>
    new DomainError(LettersErrorCode.UnsupportedLanguage, 422, 'Unsupported language', 'Letters are written in ar, fr, en or es.'),
  missingField: (field: string) =>
    new DomainError(LettersErrorCode.MissingField, 422, 'Missing field', `${field} must not be empty.`, { field }),
};
