/**
 * Supervision: what lets supervisors trust and inspect the work, and what Masar owes the people in its files.
 * This context owns the statistics (read from the cases context's summaries, refreshed by its job; JSON and CSV, publication mode
 * with small-count suppression), the weekly quality sample of decisions and its findings, legal holds, the
 * retention sweep that erases the personal data of people whose files closed long enough ago (through the owning
 * contexts' erasure use cases), and the applicant's export of everything held about them (right of access, each
 * context contributing its part through a port). It reads the cases context through its read ports
 * (`CaseReporting`, and `CaseStatistics` for the report views that context owns), never its tables
 * (`boundaries.spec.ts` checks the SQL); other contexts use only what is exported here.
 */
export { SupervisionMigrations } from './migrations';
export { SupervisionModule, SupervisionWorkerModule } from './supervision.module';
export { SupervisionProcessor } from './supervision.processor';
export { DEFAULT_SUPERVISION_OPTIONS, SUPERVISION_OPTIONS, supervisionOptionsFrom, type SupervisionOptions } from './supervision.options';
export { SupervisionErrorCode, SupervisionErrors } from './supervision.errors';
export { RefreshReportSummaries, REPORT_SUMMARIES } from './reports/refresh-report-summaries.use-case';
export { suppressForPublication, PUBLICATION_THRESHOLD } from './reports/small-count-suppression';
export { buildTable, type ReportTable, type ReportRow } from './reports/report-table';
export { DrawQualitySample, type QualitySampleDrawn } from './sampling/draw-quality-sample.use-case';
export { isoWeekOf, isoWeekBounds, previousIsoWeek } from './sampling/iso-week';
export { RetentionSweep, type RetentionSweepReport } from './retention/retention-sweep.use-case';
export { ERASED_COMMENT } from './retention/erase-file-personal-data';
