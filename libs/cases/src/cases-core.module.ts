import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditScope } from '@masar/audit';
import { CaseFiles } from '@masar/documents';
import { OfficeOpenFiles } from '@masar/identity';
import { CaseAccess } from './access/case-access';
import { CaseAuditScope } from './audit-scope/case-audit-scope';
import { ApplicationFactory } from './applications/application-factory';
import { RegisterCampaignBatch } from './bulk/register-campaign-batch.use-case';
import { SealCampaignRows } from './bulk/seal-campaign-rows';
import { CasesCrypto } from './crypto/cases-crypto';
import { CaseClocks } from './deadlines/case-clocks';
import { ApplicantNotifier } from './notify/applicant-notifier';
import { Applicant } from './persistence/applicant.entity';
import { Application } from './persistence/application.entity';
import { CaseDeadline } from './persistence/case-deadline.entity';
import { CaseEvent } from './persistence/case-event.entity';
import { CaseHistoryEntry } from './persistence/case-history.entity';
import { CaseNote } from './persistence/case-note.entity';
import { IdentityDocument } from './persistence/identity-document.entity';
import { ApplicantRecipientDirectory } from './ports/applicant-recipient-directory';
import { CaseFilesAdapter } from './ports/case-files.adapter';
import { CaseOfficeOpenFiles } from './ports/office-open-files';
import { CaseFactsForLetters } from './letters-facts/case-facts-for-letters';
import { CaseReporting } from './reporting/case-reporting';
import { CaseStatistics } from './reporting/case-statistics';
import { DocumentsAnswerSource } from './transitions/documents-answer';
import { PerformTransition } from './transitions/perform-transition.use-case';

export const CASES_ENTITIES = [Applicant, IdentityDocument, Application, CaseHistoryEntry, CaseNote, CaseDeadline, CaseEvent];

const core = [
  CasesCrypto,
  CaseAccess,
  CaseClocks,
  ApplicantNotifier,
  DocumentsAnswerSource,
  ApplicationFactory,
  PerformTransition,
  CaseFilesAdapter,
  ApplicantRecipientDirectory,
  CaseFactsForLetters,
  CaseReporting,
  CaseStatistics,
  CaseAuditScope,
  { provide: AuditScope, useExisting: CaseAuditScope },
  { provide: CaseFiles, useExisting: CaseFilesAdapter },
  CaseOfficeOpenFiles,
  { provide: OfficeOpenFiles, useExisting: CaseOfficeOpenFiles },
  SealCampaignRows,
  RegisterCampaignBatch,
];

/** What both processes share: the transition engine and its collaborators, and the ports other contexts use. */
@Module({
  imports: [TypeOrmModule.forFeature(CASES_ENTITIES)],
  providers: core,
  exports: core,
})
export class CasesCoreModule {}
