import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseStatistics, FILE_COUNT_DIMENSIONS, type FileCountDimension } from '@masar/cases';
import { SupervisionErrors } from '../supervision.errors';
import { officeIdsOf, type ReportScope } from './report-scope';
import { refreshedAt } from './report-freshness';
import { buildTable, rowLabels, type ReportTable } from './report-table';

export const FILE_DIMENSIONS = FILE_COUNT_DIMENSIONS;
export type FileDimension = FileCountDimension;

export interface FilesReportRequest {
  measure: 'files' | 'overdue';
  rows: string;
  columns?: string;
  kind?: string;
  /** Months 'YYYY-MM', inclusive. */
  from?: string;
  to?: string;
}

export interface FilesReport {
  report: 'files' | 'overdue';
  refreshedAt: string;
  table: ReportTable;
}

export function fileDimension(name: string): FileDimension {
  if (!(FILE_DIMENSIONS as readonly string[]).includes(name)) throw SupervisionErrors.dimensionUnknown(name, FILE_DIMENSIONS);
  return name as FileDimension;
}

/**
 * Files (or files overdue at the last refresh) counted by one or two dimensions, through the cases context's
 * statistics (`CaseStatistics.fileCounts`: a group-by over its pre-aggregated summary, whatever the number of files).
 */
@Injectable()
export class FilesReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistics: CaseStatistics,
  ) {}

  async execute(scope: ReportScope, req: FilesReportRequest): Promise<FilesReport> {
    const rows = fileDimension(req.rows);
    const columns = req.columns ? fileDimension(req.columns) : null;
    const found = await this.statistics.fileCounts({ measure: req.measure, rows, columns, officeIds: officeIdsOf(scope), kind: req.kind, from: req.from, to: req.to });
    const labels = rowLabels(found);
    return {
      report: req.measure,
      refreshedAt: await refreshedAt(this.dataSource.manager, ['report_files_summary']),
      table: buildTable(rows, columns, found, labels),
    };
  }
}
