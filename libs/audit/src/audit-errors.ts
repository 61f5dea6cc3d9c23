import { DomainError } from '@masar/errors';

/** Errors of the audit context. */
export enum AuditErrorCode {
  /** A caller built an event the trail refuses (a programming error: free text, a value instead of a field name). */
  EventInvalid = 'AUDIT_EVENT_INVALID',
  /** `record()` was called outside a transaction; the event could commit without the change it describes. */
  NoTransaction = 'AUDIT_NO_TRANSACTION',
  SearchCursorInvalid = 'AUDIT_SEARCH_CURSOR_INVALID',
  /** The `reference` filter cannot be a file reference (wrong length, prefix or check symbol). */
  SearchReferenceInvalid = 'AUDIT_SEARCH_REFERENCE_INVALID',
}

export const AuditErrors = {
  eventInvalid: (problems: string[]) =>
    new DomainError(AuditErrorCode.EventInvalid, 500, 'Audit event refused', `The audit event is not valid: ${problems.join('; ')}.`),
  noTransaction: () =>
    new DomainError(
      AuditErrorCode.NoTransaction,
      500,
      'Audit event outside a transaction',
      'AuditTrail.record() needs the caller transaction manager; use recordNow() for an event of its own.',
    ),
  cursorInvalid: () => new DomainError(AuditErrorCode.SearchCursorInvalid, 400, 'Invalid cursor', 'The cursor does not come from a previous page.'),
  referenceInvalid: () =>
    new DomainError(AuditErrorCode.SearchReferenceInvalid, 400, 'Invalid file reference', 'This is not a file reference (MA-XXXX-XXXX, as printed on the receipt): check the characters typed.'),
};
