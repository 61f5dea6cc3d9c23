import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { officeCondition, type ReportScope } from './report-scope';
import { refreshedAt } from './report-freshness';
import { PUBLICATION_THRESHOLD } from './small-count-suppression';

export interface ProcessingTimeRow {
  office: string;
  kind: string;
  /** A workflow state (time spent in it), or 'submission_to_first_decision'. */
  stage: string;
  stays: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface ProcessingTimesReport {
  report: 'processing-times';
  refreshedAt: string;
  rows: ProcessingTimeRow[];
  suppressed: number;
}

/**
 * Median and 90th percentile of the days spent per stage and office, from `report_stage_durations`. Percentiles do
 * not add up, so they are not summed across offices; in publication, a percentile over fewer than five stays is
 * hidden with its count (with one to four stays, a percentile is close to one person's own time).
 */
@Injectable()
export class ProcessingTimesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(scope: ReportScope, req: { kind?: string; stage?: string; publication: boolean }): Promise<ProcessingTimesReport> {
    const params: unknown[] = [];
    const where = [officeCondition(scope, 'p.office_id', params)];
    if (req.kind) {
      params.push(req.kind);
      where.push(`p.kind = $${params.length}`);
    }
    if (req.stage) {
      params.push(req.stage);
      where.push(`p.stage = $${params.length}`);
    }
    const found: { office: string; kind: string; stage: string; stays: number; median_days: number; p90_days: number }[] = await this.dataSource.query(
      `select o.code as office, p.kind, p.stage, p.stays, p.median_days, p.p90_days
         from report_stage_durations p join offices o on o.id = p.office_id
        where ${where.join(' and ')}
        order by o.code, p.kind, p.stage`,
      params,
    );
    let suppressed = 0;
    const days = (d: number) => Math.round(d * 10) / 10;
    const rows = found.map((f) => {
      if (req.publication && f.stays < PUBLICATION_THRESHOLD) {
        suppressed++;
        return { office: f.office, kind: f.kind, stage: f.stage, stays: null, medianDays: null, p90Days: null };
      }
      return { office: f.office, kind: f.kind, stage: f.stage, stays: f.stays, medianDays: days(f.median_days), p90Days: days(f.p90_days) };
    });
    return { report: 'processing-times', refreshedAt: await refreshedAt(this.dataSource.manager, ['report_stage_durations']), rows, suppressed };
  }
}
