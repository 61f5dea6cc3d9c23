import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, CurrentActor, type Actor } from '@masar/access';
import { AuditTrail } from '@masar/audit';
import { CaseScopeResolver } from '@masar/identity';
import { FilesReportQuery } from './files-report.query';
import { GrantRatesQuery, grantRates } from './grant-rates.query';
import { ProcessingTimesQuery } from './processing-times.query';
import { csvLines, tableToCsv } from './report-csv';
import { reportScopeOf, type ReportScope } from './report-scope';
import { CrossTableReportDto, GrantRatesReportDto, ProcessingTimesReportDto, reportResponse } from './report-responses.dto';
import { FilesReportQueryDto, GrantRatesQueryDto, ProcessingTimesQueryDto } from './reports.dto';
import { suppressForPublication } from './small-count-suppression';

/**
 * Statistics for supervisors, as JSON or CSV (`?format=csv` or `Accept: text/csv`), each saying when its summary
 * was refreshed. `?publication=true` gives figures fit to publish (small counts suppressed, and the figures that
 * would reveal them). A CSV is an export: it is audited ('report.export') with the report's parameters.
 */
@ApiTags('reports')
@ApiExtraModels(CrossTableReportDto, GrantRatesReportDto, ProcessingTimesReportDto)
@ApiBearerAuth()
@Controller('reports')
@Allow('supervisor')
export class ReportsController {
  constructor(
    private readonly scopes: CaseScopeResolver,
    private readonly files: FilesReportQuery,
    private readonly rates: GrantRatesQuery,
    private readonly times: ProcessingTimesQuery,
    private readonly audit: AuditTrail,
  ) {}

  @Get('files')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse(reportResponse(CrossTableReportDto, 'Files by one dimension (rows) or two (rows x columns), with totals'))
  filesReport(@CurrentActor() actor: Actor, @Query() q: FilesReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.crossTable('files', actor, q, accept, reply);
  }

  @Get('overdue')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse(reportResponse(CrossTableReportDto, 'Open files past their deadline at the last refresh, by one or two dimensions'))
  overdueReport(@CurrentActor() actor: Actor, @Query() q: FilesReportQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.crossTable('overdue', actor, q, accept, reply);
  }

  @Get('grant-rates')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse(reportResponse(GrantRatesReportDto, 'Grant rates of first-instance decisions, by office or by officer'))
  async grantRatesReport(@CurrentActor() actor: Actor, @Query() q: GrantRatesQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const scope = await this.scopeOf(actor);
    const r = await this.rates.execute(scope, { by: q.by ?? 'office', part: q.part, kind: q.kind, from: q.from, to: q.to });
    const table = q.publication ? suppressForPublication(r.table) : r.table;
    const rows = grantRates(table);
    const body = { report: r.report, by: r.by, part: r.part, publication: !!q.publication, refreshedAt: r.refreshedAt, rows, totals: { decisions: table.grandTotal, favourable: table.columnTotals.favourable ?? null, unfavourable: table.columnTotals.unfavourable ?? null }, suppressed: table.suppressed };
    if (!this.wantsCsv(q.format, accept)) return body;
    const csv = csvLines([[r.by, 'label', 'decisions', 'favourable', 'unfavourable', 'grant_rate'], ...rows.map((x) => [x.key, x.label, x.decisions, x.favourable, x.unfavourable, x.grantRate])]);
    return this.sendCsv(actor, 'grant-rates', { by: r.by, part: r.part, publication: !!q.publication, refreshedAt: r.refreshedAt }, csv, reply);
  }

  @Get('processing-times')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse(reportResponse(ProcessingTimesReportDto, 'Median and 90th percentile of the days per stage and office'))
  async processingTimes(@CurrentActor() actor: Actor, @Query() q: ProcessingTimesQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.times.execute(await this.scopeOf(actor), { kind: q.kind, stage: q.stage, publication: !!q.publication });
    if (!this.wantsCsv(q.format, accept)) return { ...r, publication: !!q.publication };
    const csv = csvLines([['office', 'kind', 'stage', 'stays', 'median_days', 'p90_days'], ...r.rows.map((x) => [x.office, x.kind, x.stage, x.stays, x.medianDays, x.p90Days])]);
    return this.sendCsv(actor, 'processing-times', { publication: !!q.publication, refreshedAt: r.refreshedAt }, csv, reply);
  }

  private async crossTable(measure: 'files' | 'overdue', actor: Actor, q: FilesReportQueryDto, accept: string | undefined, reply: FastifyReply) {
    const r = await this.files.execute(await this.scopeOf(actor), { measure, rows: q.rows ?? 'office', columns: q.columns, kind: q.kind, from: q.from, to: q.to });
    const table = q.publication ? suppressForPublication(r.table) : r.table;
    if (!this.wantsCsv(q.format, accept)) return { report: r.report, publication: !!q.publication, refreshedAt: r.refreshedAt, ...table };
    const params = { rows: table.rowDimension, columns: table.columnDimension, publication: !!q.publication, refreshedAt: r.refreshedAt };
    return this.sendCsv(actor, measure, params, tableToCsv(table), reply);
  }

  private async scopeOf(actor: Actor): Promise<ReportScope> {
    return reportScopeOf(await this.scopes.scopeFor(actor));
  }

  private wantsCsv(format: string | undefined, accept: string | undefined): boolean {
    if (format) return format === 'csv';
    return !!accept && /text\/csv/.test(accept) && !/application\/json/.test(accept);
  }

  private async sendCsv(actor: Actor, report: string, params: Record<string, string | boolean | null>, csv: string, reply: FastifyReply): Promise<string> {
    // Audited before the bytes leave: an export that is not in the trail did not happen.
    await this.audit.recordNow({ action: 'report.export', actorId: actor.userId, actorRole: actor.role, subjectType: 'report', subjectId: report, details: { format: 'csv', ...params } });
    reply.type('text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="masar-${report}.csv"`);
    reply.header('x-report-refreshed-at', String(params.refreshedAt));
    return csv;
  }
}
