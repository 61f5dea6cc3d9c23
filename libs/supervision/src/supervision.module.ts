import { Module, type Provider } from '@nestjs/common';
import { DocumentStorage, EraseDocumentContents, ExportDocumentData, LocalDiskDocumentStorage } from '@masar/documents';
import { EraseNotifications, ExportNotificationData } from '@masar/notifications';
import { AccessRightsController } from './access-rights/access-rights.controller';
import { ExportMyData } from './access-rights/export-my-data.query';
import { LegalHoldsController } from './legal-hold/legal-holds.controller';
import { LegalHolds } from './legal-hold/legal-holds.use-case';
import { FilesReportQuery } from './reports/files-report.query';
import { GrantRatesQuery } from './reports/grant-rates.query';
import { ProcessingTimesQuery } from './reports/processing-times.query';
import { RefreshReportSummaries } from './reports/refresh-report-summaries.use-case';
import { ReportsController } from './reports/reports.controller';
import { RetentionSweep } from './retention/retention-sweep.use-case';
import { DrawQualitySample } from './sampling/draw-quality-sample.use-case';
import { QualitySamplesController } from './sampling/quality-samples.controller';
import { QualitySamplesQuery } from './sampling/quality-samples.query';
import { RecordQualityFinding } from './sampling/record-finding.use-case';
import { SupervisionProcessor } from './supervision.processor';
import { SUPERVISION_OPTIONS, supervisionOptionsFrom } from './supervision.options';

const options: Provider = { provide: SUPERVISION_OPTIONS, useFactory: () => supervisionOptionsFrom(process.env) };

/**
 * What both processes run: the three scheduled jobs' use cases, with the documents' storage (to delete the bytes
 * of erased files through its port) and the documents' and notifications' erasures, which those contexts export for
 * this purpose.
 */
const jobs: Provider[] = [
  RefreshReportSummaries,
  DrawQualitySample,
  RetentionSweep,
  EraseNotifications,
  EraseDocumentContents,
  { provide: DocumentStorage, useClass: LocalDiskDocumentStorage },
];

/** The parts of the applicant's data export that the documents and notifications contexts export for it. */
const exportParts: Provider[] = [ExportDocumentData, ExportNotificationData];

/**
 * The API side: reports, the quality review list and findings, legal holds, the applicant's data export. It also
 * holds the jobs' use cases, so that an operator's command or a test can run them. Needs the platform modules,
 * AuditModule, IdentityModule (CaseScopeResolver) and CasesModule (ExportApplicantData, EraseApplicantData,
 * CaseReporting, CaseStatistics).
 */
@Module({
  controllers: [ReportsController, QualitySamplesController, LegalHoldsController, AccessRightsController],
  providers: [options, ...jobs, ...exportParts, FilesReportQuery, GrantRatesQuery, ProcessingTimesQuery, QualitySamplesQuery, RecordQualityFinding, LegalHolds, ExportMyData],
  exports: [RefreshReportSummaries, DrawQualitySample, RetentionSweep],
})
export class SupervisionModule {}

/** The worker side: the one processor of the 'supervision' queue. Needs the platform modules, AuditModule and CasesWorkerModule. */
@Module({
  providers: [options, ...jobs, SupervisionProcessor],
  exports: [RefreshReportSummaries, DrawQualitySample, RetentionSweep],
})
export class SupervisionWorkerModule {}
