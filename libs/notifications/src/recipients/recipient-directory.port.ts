/**
 * Where an applicant can be reached. The cases context owns applicants (contact details encrypted at rest) and
 * provides the implementation; notifications reads contacts only at the moment of sending and never stores them,
 * so a corrected phone number is used by the next attempt and nothing personal sits in our tables or jobs.
 */
export interface RecipientContact {
  /** Preferred language code (ar, fr, en, es; anything else falls back to French, then English). */
  language: string;
  email?: string | null;
  /** E.164. */
  phone?: string | null;
  /** The applicant's own account, if they have one: the in-app channel writes to it. */
  userId?: string | null;
}

export interface RecipientDirectory {
  /** Null when the applicant no longer exists (erased, merged away): nothing is sent. */
  contactOf(applicantId: string): Promise<RecipientContact | null>;
}

export const RECIPIENT_DIRECTORY = Symbol('RECIPIENT_DIRECTORY');
