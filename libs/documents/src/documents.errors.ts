import { DomainError } from '@masar/errors';

/** The errors the documents context answers with; each code is stable for clients. */
/**
 * Refusals that come while the body is still arriving close the connection after answering, so that the rest of an
 * oversized or refused upload is never read (RFC 9110 lets a server do so for 413).
 */
const CLOSE = { Connection: 'close' };

export const DocumentErrors = {
  tooLarge: (maxBytes: number) =>
    new DomainError('DOCUMENTS_TOO_LARGE', 413, 'Document too large', `A document may be at most ${maxBytes} bytes.`, { maxBytes }),
  unsupportedType: (allowed: readonly string[]) =>
    new DomainError(
      'DOCUMENTS_UNSUPPORTED_TYPE',
      415,
      'Unsupported document type',
      `The content of the file is not one of: ${allowed.join(', ')}. The file name and declared type are not trusted.`,
      { allowed },
    ),
  limitReached: (max: number) =>
    new DomainError('DOCUMENTS_LIMIT_REACHED', 409, 'Too many documents', `A file holds at most ${max} documents.`, { max }),
  noFile: () => new DomainError('DOCUMENTS_NO_FILE', 400, 'No file', 'Send the document as a multipart part named "file".'),
  unknownKind: (kind: string, allowed: readonly string[]) =>
    new DomainError('DOCUMENTS_UNKNOWN_KIND', 422, 'Document kind not on the checklist', `"${kind}" is not a document this file needs.`, {
      allowed,
    }),
  invalidField: (field: string, detail: string) =>
    new DomainError('DOCUMENTS_INVALID_FIELD', 400, 'Invalid field', detail, { errors: [{ field, messages: [detail] }] }),
  notCheckedYet: () =>
    new DomainError(
      'DOCUMENTS_NOT_CHECKED_YET',
      409,
      'Document still being checked',
      'The document is opened once its checks (including the malware scan) are done; try again in a moment.',
      {},
      { 'Retry-After': '10' },
    ),
  quarantined: () =>
    new DomainError('DOCUMENTS_QUARANTINED', 409, 'Document quarantined', 'The malware scan found something in this document; it is not handed out.'),
  unreadable: () =>
    new DomainError('DOCUMENTS_UNREADABLE', 409, 'Document unreadable', 'The stored bytes of this document failed their integrity check.'),
  contentMissing: () => new DomainError('DOCUMENTS_CONTENT_MISSING', 404, 'Content missing', 'The stored content of this document is gone.'),
};
