import { Module } from '@nestjs/common';
import { GetChecklist } from './checklist/get-checklist.use-case';
import { DocumentChecklistPort, DocumentChecklistReader } from './checklist/document-checklist.port';
import { CheckDocument } from './check/check-document.use-case';
import { DocumentCheckProcessor } from './check/document-check.processor';
import { DocumentsController } from './documents.controller';
import { DownloadDocument } from './download/download-document.use-case';
import { malwareScannerProvider } from './malware/malware-scanner.provider';
import { DocumentStorage } from './storage/document-storage';
import { LocalDiskDocumentStorage } from './storage/local-disk-document-storage';
import { MultipartRegistration } from './upload/multipart.registration';
import { UploadDocument } from './upload/upload-document.use-case';
import { ReviewDocument } from './review/review-document.use-case';
import { SweepUnreferencedContent } from './retention/sweep-unreferenced-content.use-case';
import { RedrivePendingChecks } from './check/redrive-pending-checks.use-case';

/**
 * `CaseFiles` (the cases context seen from here) is not provided by this module: the application supplies it, so
 * that this context depends on the cases context only through the port it defines.
 */
const shared = [
  { provide: DocumentStorage, useClass: LocalDiskDocumentStorage },
  { provide: DocumentChecklistPort, useClass: DocumentChecklistReader },
];

/** The API side: upload, checklist, download, review of flagged documents. Needs the platform modules, AuditModule and IdentityModule. */
@Module({
  controllers: [DocumentsController],
  providers: [...shared, MultipartRegistration, UploadDocument, DownloadDocument, GetChecklist, ReviewDocument],
  exports: [DocumentChecklistPort],
})
export class DocumentsModule {}

/** The worker side: the 'documents.check' processor. Needs the platform modules (queue, database, outbox). */
@Module({
  providers: [...shared, malwareScannerProvider, CheckDocument, DocumentCheckProcessor, SweepUnreferencedContent, RedrivePendingChecks],
  exports: [DocumentChecklistPort, CheckDocument, SweepUnreferencedContent, RedrivePendingChecks],
})
export class DocumentsWorkerModule {}
