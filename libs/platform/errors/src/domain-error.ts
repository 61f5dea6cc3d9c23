/**
 * An error the product means to return: a stable machine code (`CASES_VERSION_CONFLICT`), an HTTP status and a
 * human sentence. `extra` lands as members of the problem document (for example the allowed actions).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'DomainError';
  }
}

/** A problem document, RFC 9457. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errorId?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const PROBLEM_TYPE_BASE = 'https://masar.example/problems/';

export function problemType(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

/** Generic errors shared by every context. */
export const CommonErrors = {
  notFound: (what = 'resource') => new DomainError('NOT_FOUND', 404, 'Not found', `The ${what} does not exist or is not yours to see.`),
  forbidden: (detail = 'You may not do this.') => new DomainError('FORBIDDEN', 403, 'Forbidden', detail),
  unauthenticated: (detail = 'Sign in first.') => new DomainError('UNAUTHENTICATED', 401, 'Unauthenticated', detail),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('RATE_LIMITED', 429, 'Too many attempts', `Try again in ${retryAfterSeconds} seconds.`, { retryAfter: retryAfterSeconds }, {
      'Retry-After': String(retryAfterSeconds),
    }),
  unavailable: (detail = 'A service Masar depends on is not answering; try again shortly.') =>
    new DomainError('SERVICE_UNAVAILABLE', 503, 'Service unavailable', detail, {}, { 'Retry-After': '5' }),
};
