import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The materialised views behind the statistics (this context's migration 1796000900000): aggregates of the files
 * and their history, refreshed CONCURRENTLY so that a reader keeps the previous figures meanwhile.
 */
export const CASE_REPORT_VIEWS = ['report_files_summary', 'report_decisions_summary', 'report_stage_durations'] as const;
export type CaseReportView = (typeof CASE_REPORT_VIEWS)[number];

/** What files can be counted by; 'office' answers with the office's code (labelled with its name). */
export const FILE_COUNT_DIMENSIONS = ['state', 'kind', 'category', 'office', 'nationality', 'month'] as const;
export type FileCountDimension = (typeof FILE_COUNT_DIMENSIONS)[number];

/** Plain column names only: the expressions are chosen from this map, never built from the request. */
const FILE_COLUMN: Record<FileCountDimension, string> = {
  state: 's.state',
  kind: 's.kind',
  category: 's.category',
  office: 'o.code',
  nationality: 's.nationality',
  month: 's.month',
};

/** Which files are counted: the offices (null: every office), a kind, months 'YYYY-MM' (inclusive). */
export interface StatisticsFilter {
  officeIds: string[] | null;
  kind?: string;
  from?: string;
  to?: string;
}

export interface FileCountsRequest extends StatisticsFilter {
  /** All files, or those open and past their deadline at the last refresh. */
  measure: 'files' | 'overdue';
  rows: FileCountDimension;
  columns: FileCountDimension | null;
}

export interface CountCell {
  row: string;
  column: string | null;
  count: number;
  /** The office's name when rows are offices, the officer's name when rows are officers; else null. */
  label: string | null;
}

export interface DecisionCountsRequest extends StatisticsFilter {
  /** By office (each decision once, as proposed) or by officer (the part of the decision they had). */
  by: 'office' | 'officer';
  part: 'proposed' | 'confirmed';
}

export interface StageDuration {
  /** The office's code. */
  office: string;
  kind: string;
  /** A workflow state (time spent in it), or 'submission_to_first_decision'. */
  stage: string;
  stays: number;
  medianDays: number;
  p90Days: number;
}

/**
 * The statistics of the files, as the supervision context reads them: counts and durations from the report views,
 * never a person. Each answer reads at most a few thousand pre-aggregated rows whatever the number of files; the
 * views are refreshed through `refresh` (by supervision's scheduled job), so their SQL and the tables they read
 * change together, here. Tested with the cases context (test/cases/case-read-ports.spec.ts) and through the
 * supervision reports.
 */
@Injectable()
export class CaseStatistics {
  constructor(private readonly dataSource: DataSource) {}

  /** Files (or files overdue) counted by one or two dimensions; only non-zero cells. */
  async fileCounts(req: FileCountsRequest, m: EntityManager = this.dataSource.manager): Promise<CountCell[]> {
    const params: unknown[] = [];
    const where = filterConditions(req, 's', params, true);
    const measure = req.measure === 'overdue' ? 's.overdue' : 's.files';
    const found: { row: string; col: string | null; n: number; label: string | null }[] = await m.query(
      `select ${FILE_COLUMN[req.rows]} as row, ${req.columns ? FILE_COLUMN[req.columns] : 'null'} as col, sum(${measure})::int as n,
              ${req.rows === 'office' ? 'min(o.name)' : 'null'} as label
         from report_files_summary s join offices o on o.id = s.office_id
        where ${where.join(' and ')}
        group by 1, 2
       having sum(${measure}) > 0`,
      params,
    );
    return found.map((f) => ({ row: f.row, column: f.col, count: f.n, label: f.label }));
  }

  /** First-instance decisions by office (code) or officer (id), per outcome ('favourable' | 'unfavourable'). */
  async decisionCounts(req: DecisionCountsRequest, m: EntityManager = this.dataSource.manager): Promise<CountCell[]> {
    const params: unknown[] = [req.part];
    const where = [`d.officer_part = $1`, ...filterConditions(req, 'd', params, true)];
    const key = req.by === 'office' ? 'o.code' : 'd.officer_id::text';
    const label = req.by === 'office' ? 'min(o.name)' : 'min(u.display_name)';
    const found: { row: string; label: string | null; outcome: string; n: number }[] = await m.query(
      `select ${key} as row, ${label} as label, d.outcome, sum(d.decisions)::int as n
         from report_decisions_summary d
         join offices o on o.id = d.office_id
         left join users u on u.id = d.officer_id
        where ${where.join(' and ')}
        group by 1, d.outcome`,
      params,
    );
    return found.map((f) => ({ row: f.row, column: f.outcome, count: f.n, label: f.label }));
  }

  /** Median and 90th percentile of the days spent per stage, office and kind, ordered by office code, kind, stage. */
  async stageDurations(req: Omit<StatisticsFilter, 'from' | 'to'> & { stage?: string }, m: EntityManager = this.dataSource.manager): Promise<StageDuration[]> {
    const params: unknown[] = [];
    const where = filterConditions(req, 'p', params, false);
    if (req.stage) {
      params.push(req.stage);
      where.push(`p.stage = $${params.length}`);
    }
    const found: { office: string; kind: string; stage: string; stays: number; median_days: number; p90_days: number }[] = await m.query(
      `select o.code as office, p.kind, p.stage, p.stays, p.median_days, p.p90_days
         from report_stage_durations p join offices o on o.id = p.office_id
        where ${where.join(' and ')}
        order by o.code, p.kind, p.stage`,
      params,
    );
    return found.map((f) => ({ office: f.office, kind: f.kind, stage: f.stage, stays: f.stays, medianDays: f.median_days, p90Days: f.p90_days }));
  }

  /**
   * Refreshes one view CONCURRENTLY (readers keep the previous figures), on the caller's connection (which may hold
   * a lock of its own); the function called is the only thing the application's role may do to the views.
   */
  async refresh(view: CaseReportView, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.query(`select refresh_case_report_view($1)`, [view]);
  }
}

/** The filter as SQL conditions on `alias` (months only when `byMonth`), with their parameters appended to `params`. */
function filterConditions(f: StatisticsFilter, alias: string, params: unknown[], byMonth: boolean): string[] {
  const where: string[] = [];
  if (f.officeIds === null) where.push('true');
  else {
    params.push(f.officeIds);
    where.push(`${alias}.office_id = any($${params.length}::uuid[])`);
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`${alias}.kind = $${params.length}`);
  }
  if (byMonth && f.from) {
    params.push(f.from);
    where.push(`${alias}.month >= $${params.length}`);
  }
  if (byMonth && f.to) {
    params.push(f.to);
    where.push(`${alias}.month <= $${params.length}`);
  }
  return where;
}
