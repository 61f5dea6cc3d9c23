import { Module, type Provider } from '@nestjs/common';
import { EraseNotifications } from '@masar/notifications';
import { AccessRightsController } from './access-rights/access-rights.controller';
import { CorrectApplicantField } from './access-rights/correct-applicant-field.use-case';
import { ExportMyData } from './access-rights/export-my-data.query';
import { LegalHoldsController } from './legal-hold/legal-holds.controller';
import { LegalHolds } from './legal-hold/legal-holds.use-case';
import { FilesReportQuery } from './reports/files-report.query';
import { GrantRatesQuery } from './reports/grant-rates.query';
import { ProcessingTimesQuery } from './reports/processing-times.query';
import { RefreshReportSummaries } from './reports/refresh-report-summaries.use-case';
import { ReportsController } from './reports/reports.controller';
import { RetentionSweep } from './retention/retention-sweep.use-case';
import { StoredBlobShredder } from './retention/stored-blob-shredder';
import { DrawQualitySample } from './sampling/draw-quality-sample.use-case';
import { QualitySamplesController } from './sampling/quality-samples.controller';
import { QualitySamplesQuery } from './sampling/quality-samples.query';
import { RecordQualityFinding } from './sampling/record-finding.use-case';
import { SupervisionProcessor } from './supervision.processor';
import { SUPERVISION_OPTIONS, supervisionOptionsFrom } from './supervision.options';

const options: Provider = { provide: SUPERVISION_OPTIONS, useFactory: () => supervisionOptionsFrom(process.env) };

/** What both processes run: the three scheduled jobs' use cases. */
const jobs = [RefreshReportSummaries, DrawQualitySample, RetentionSweep, StoredBlobShredder, EraseNotifications];

/**
 * The API side: reports, the quality review list and findings, legal holds, the data export and corrections. It
 * also holds the jobs' use cases, so that an operator's command or a test can run them. Needs the platform
 * modules, AuditModule, IdentityModule (CaseScopeResolver) and CasesModule (CasesCrypto).
 */
@Module({
  controllers: [ReportsController, QualitySamplesController, LegalHoldsController, AccessRightsController],
  providers: [options, ...jobs, FilesReportQuery, GrantRatesQuery, ProcessingTimesQuery, QualitySamplesQuery, RecordQualityFinding, LegalHolds, ExportMyData, CorrectApplicantField],
  exports: [RefreshReportSummaries, DrawQualitySample, RetentionSweep],
})
export class SupervisionModule {}

/** The worker side: the one processor of the 'supervision' queue. Needs the platform modules and AuditModule. */
@Module({
  providers: [options, ...jobs, SupervisionProcessor],
  exports: [RefreshReportSummaries, DrawQualitySample, RetentionSweep],
})
export class SupervisionWorkerModule {}
