/**
 * The documents context: the evidence a file holds. It owns uploads (limits, type by content), content-addressed
 * storage behind a port, the checklist per kind and category with each required document's status, the checks a
 * worker runs on every document (hash, content, malware, dates, duplicates) and who may download what. It sees the
 * cases context only through the `CaseFiles` port it defines; the cases context sees it through
 * `DocumentChecklistPort`. Other contexts use only what this file exports.
 */
export { DocumentsModule, DocumentsWorkerModule } from './documents.module';
export { DocumentsMigrations } from './migrations';
export { DocumentErrors } from './documents.errors';
export { DocumentChecklistPort, type ChecklistSubject, type DocumentsAnswer } from './checklist/document-checklist.port';
export type { Checklist, ChecklistItem, ChecklistStatus } from './checklist/checklist';
export { CaseFiles, type FileForDocuments } from './cases-port/case-files.port';
export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from './checklist/document-kinds';
export { requiredDocuments, CRITERIA_2014_DATES, type CategoryDateParams, type ApplicationKind, type RequiredDocument, type DateRule } from './checklist/checklist-rules';
export { ALLOWED_CONTENT_TYPES, sniffContentType, type ContentType } from './content/content-type';
export { DocumentStorage, type StoredContent } from './storage/document-storage';
export { LocalDiskDocumentStorage } from './storage/local-disk-document-storage';
export { MalwareScanner, type ScanVerdict } from './malware/malware-scanner';
export { ClamdMalwareScanner } from './malware/clamd-malware-scanner';
export { CheckDocument, type CheckOutcome } from './check/check-document.use-case';
export { RedrivePendingChecks } from './check/redrive-pending-checks.use-case';
export { SweepUnreferencedContent } from './retention/sweep-unreferenced-content.use-case';
/** Retention: the personal contents of the documents of files being erased, for the supervision context's sweep. */
export { EraseDocumentContents } from './retention/erase-document-contents.use-case';
/** Right of access: the documents of an applicant's files, described, for the export the supervision context assembles. */
export { ExportDocumentData, type ExportedDocument } from './access-rights/export-document-data';
export type { Finding, CheckName } from './checks/finding';
