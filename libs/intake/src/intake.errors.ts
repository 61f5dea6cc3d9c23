import { DomainError } from '@masar/errors';

/** The stable error codes of the intake context (whole requests); row errors have their own codes (row-errors.ts). */
export const IntakeErrorCode = {
  NotFound: 'INTAKE_NOT_FOUND',
  NoFile: 'INTAKE_NO_FILE',
  FileTooLarge: 'INTAKE_FILE_TOO_LARGE',
  EmptyFile: 'INTAKE_EMPTY_FILE',
  HeaderInvalid: 'INTAKE_HEADER_INVALID',
  CsvMalformed: 'INTAKE_CSV_MALFORMED',
  OfficeRequired: 'INTAKE_OFFICE_REQUIRED',
  CriteriaVersionUnknown: 'INTAKE_CRITERIA_VERSION_UNKNOWN',
  ReceiptsNotReady: 'INTAKE_RECEIPTS_NOT_READY',
  ReceiptsTaken: 'INTAKE_RECEIPTS_ALREADY_TAKEN',
  ReceiptsNotYours: 'INTAKE_RECEIPTS_NOT_YOURS',
  NotFailed: 'INTAKE_BATCH_NOT_FAILED',
  ReviewRowNotFound: 'INTAKE_REVIEW_ROW_NOT_FOUND',
  ReviewAlreadyDecided: 'INTAKE_REVIEW_ALREADY_DECIDED',
  ReviewReasonRequired: 'INTAKE_REVIEW_REASON_REQUIRED',
  ReviewPersonRequired: 'INTAKE_REVIEW_PERSON_REQUIRED',
  ReviewNotACandidate: 'INTAKE_REVIEW_NOT_A_CANDIDATE',
} as const;
export type IntakeErrorCode = (typeof IntakeErrorCode)[keyof typeof IntakeErrorCode];

export const IntakeErrors = {
  /** Also answered for another office's batch: its existence is not disclosed. */
  notFound: () => new DomainError(IntakeErrorCode.NotFound, 404, 'Not found', 'The import batch does not exist or is not yours to see.'),
  noFile: () => new DomainError(IntakeErrorCode.NoFile, 400, 'No file', 'Send the CSV as multipart/form-data with one part named "file".'),
  fileTooLarge: (limit: number) =>
    new DomainError(IntakeErrorCode.FileTooLarge, 413, 'File too large', `An import file may hold at most ${limit} bytes; split the list into several files.`, { limitBytes: limit }),
  emptyFile: () => new DomainError(IntakeErrorCode.EmptyFile, 422, 'Empty file', 'The file holds no header line and no rows.'),
  headerInvalid: (missing: string[], unknown: string[]) =>
    new DomainError(
      IntakeErrorCode.HeaderInvalid,
      422,
      'Header line not understood',
      [missing.length ? `Missing columns: ${missing.join(', ')}.` : '', unknown.length ? `Unknown columns: ${unknown.join(', ')}.` : ''].join(' ').trim(),
      { missingColumns: missing, unknownColumns: unknown },
    ),
  csvMalformed: (line: number | null, detail: string) =>
    new DomainError(IntakeErrorCode.CsvMalformed, 422, 'Not a readable CSV file', `${line ? `Line ${line}: ` : ''}${detail}`, { line }),
  officeRequired: () => new DomainError(IntakeErrorCode.OfficeRequired, 403, 'Office staff only', 'Imports are made by the caseworkers and supervisors of an office.'),
  criteriaVersionUnknown: (v: string) =>
    new DomainError(IntakeErrorCode.CriteriaVersionUnknown, 422, 'Unknown criteria version', `"${v}" is not a version of the regularisation criteria.`),
  receiptsNotReady: (status: string) =>
    new DomainError(IntakeErrorCode.ReceiptsNotReady, 409, 'Import not finished', `The receipts can be taken once the import is completed (it is ${status}).`, { batchStatus: status }),
  receiptsTaken: (at: string) =>
    new DomainError(
      IntakeErrorCode.ReceiptsTaken,
      410,
      'Receipts already taken',
      `The receipts of this batch were downloaded at ${at}; access codes are shown once. Reissue a file's access code from the file if a receipt was lost.`,
      { takenAt: at },
    ),
  receiptsNotYours: () => new DomainError(IntakeErrorCode.ReceiptsNotYours, 403, 'Not yours to take', 'Only the person who uploaded the batch takes its receipts.'),
  notFailed: (status: string) =>
    new DomainError(IntakeErrorCode.NotFailed, 409, 'Import not failed', `Only a failed import is resumed (this one is ${status}).`, { batchStatus: status }),
  reviewRowNotFound: (line: number) =>
    new DomainError(IntakeErrorCode.ReviewRowNotFound, 404, 'Not a row set aside', `Line ${line} of this batch was not set aside for review (or is not imported yet).`, { line }),
  reviewAlreadyDecided: (line: number, decision: string, at: string) =>
    new DomainError(IntakeErrorCode.ReviewAlreadyDecided, 409, 'Already decided', `Line ${line} was already decided (${decision}) at ${at}.`, { line, decision, decidedAt: at }),
  reviewReasonRequired: (decision: string) =>
    new DomainError(IntakeErrorCode.ReviewReasonRequired, 422, 'Reason required', `Say why (at least a few words): "${decision}" goes against what the duplicate search found.`, { decision }),
  reviewPersonRequired: () => new DomainError(IntakeErrorCode.ReviewPersonRequired, 422, 'Person required', 'Name the person found (applicantId) the file is attached to.'),
  reviewNotACandidate: () =>
    new DomainError(IntakeErrorCode.ReviewNotACandidate, 422, 'Not a person found', 'A file is attached to one of the persons this row was found to look like.'),
};
