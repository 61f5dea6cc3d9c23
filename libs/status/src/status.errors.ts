import { DomainError } from '@masar/errors';
import type { Language } from '@masar/letters';
import { fill, STATUS_TEXTS } from './labels/status.labels';

export enum StatusErrorCode {
  /** One answer for an unknown reference and for a wrong access code: nothing tells them apart. */
  NoMatch = 'STATUS_NO_MATCH',
  /** The reference fails its check symbol: a typo, knowable by anyone without asking Masar. */
  ReferenceMistyped = 'STATUS_REFERENCE_MISTYPED',
  TooManyAttempts = 'STATUS_TOO_MANY_ATTEMPTS',
  LinkedElsewhere = 'STATUS_FILE_LINKED_ELSEWHERE',
}

/** The status context's failures, worded in the language the request asked for (never the file's own language). */
export const StatusErrors = {
  noMatch: (language: Language) => {
    const t = STATUS_TEXTS[language];
    return new DomainError(StatusErrorCode.NoMatch, 404, t.notFoundTitle, t.notFoundDetail, { language });
  },
  referenceMistyped: (language: Language) => {
    const t = STATUS_TEXTS[language];
    return new DomainError(StatusErrorCode.ReferenceMistyped, 422, t.mistypedTitle, t.mistypedDetail, { language });
  },
  tooManyAttempts: (language: Language, retryAfterSeconds: number) => {
    const t = STATUS_TEXTS[language];
    return new DomainError(
      StatusErrorCode.TooManyAttempts,
      429,
      t.tooManyTitle,
      fill(t.tooManyDetail, { seconds: String(retryAfterSeconds) }),
      { language, retryAfter: retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  },
  linkedElsewhere: (language: Language) => {
    const t = STATUS_TEXTS[language];
    return new DomainError(StatusErrorCode.LinkedElsewhere, 409, t.linkedElsewhereTitle, t.linkedElsewhereDetail, { language });
  },
};
