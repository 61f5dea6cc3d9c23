import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SupervisionErrors } from '../supervision.errors';
import { officeCondition, type ReportScope } from './report-scope';
import { refreshedAt } from './report-freshness';
import { buildTable, type ReportTable } from './report-table';

export const FILE_DIMENSIONS = ['state', 'kind', 'category', 'office', 'nationality', 'month'] as const;
export type FileDimension = (typeof FILE_DIMENSIONS)[number];

/** Plain column names only: the expressions are chosen from this map, never built from the request. */
const COLUMN: Record<FileDimension, string> = {
  state: 's.state',
  kind: 's.kind',
  category: 's.category',
  office: 'o.code',
  nationality: 's.nationality',
  month: 's.month',
};

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
 * Files (or files overdue at the last refresh) counted by one or two dimensions, from `report_files_summary`: a
 * group-by over at most (offices x kinds x categories x nationalities x states x months) rows, whatever the
 * number of files.
 */
@Injectable()
export class FilesReportQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(scope: ReportScope, req: FilesReportRequest): Promise<FilesReport> {
    const rows = fileDimension(req.rows);
    const columns = req.columns ? fileDimension(req.columns) : null;
    const params: unknown[] = [];
    const where = [officeCondition(scope, 's.office_id', params)];
    if (req.kind) {
      params.push(req.kind);
      where.push(`s.kind = $${params.length}`);
    }
    if (req.from) {
      params.push(req.from);
      where.push(`s.month >= $${params.length}`);
    }
    if (req.to) {
      params.push(req.to);
      where.push(`s.month <= $${params.length}`);
    }
    const measure = req.measure === 'overdue' ? 's.overdue' : 's.files';
    const found: { row: string; col: string | null; n: number; office_name: string | null }[] = await this.dataSource.query(
      `select ${COLUMN[rows]} as row, ${columns ? COLUMN[columns] : 'null'} as col, sum(${measure})::int as n,
              ${rows === 'office' ? 'min(o.name)' : 'null'} as office_name
         from report_files_summary s join offices o on o.id = s.office_id
        where ${where.join(' and ')}
        group by 1, 2
       having sum(${measure}) > 0`,
      params,
    );
    const labels = Object.fromEntries(found.filter((f) => f.office_name).map((f) => [f.row, f.office_name!]));
    return {
      report: req.measure,
      refreshedAt: await refreshedAt(this.dataSource.manager, ['report_files_summary']),
      table: buildTable(rows, columns, found.map((f) => ({ row: f.row, column: f.col, count: f.n })), labels),
    };
  }
}
