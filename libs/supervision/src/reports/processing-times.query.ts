import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseStatistics } from '@masar/cases';
import { officeIdsOf, type ReportScope } from './report-scope';
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
 * Median and 90th percentile of the days spent per stage and office, through the cases context's statistics
 * (`CaseStatistics.stageDurations`). Percentiles do not add up, so they are not summed across offices; in
 * publication, a percentile over fewer than five stays is hidden with its count (with one to four stays, a
 * percentile is close to one person's own time).
 */
@Injectable()
export class ProcessingTimesQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistics: CaseStatistics,
  ) {}

  async execute(scope: ReportScope, req: { kind?: string; stage?: string; publication: boolean }): Promise<ProcessingTimesReport> {
    const found = await this.statistics.stageDurations({ officeIds: officeIdsOf(scope), kind: req.kind, stage: req.stage });
    let suppressed = 0;
    const days = (d: number) => Math.round(d * 10) / 10;
    const rows = found.map((f) => {
      if (req.publication && f.stays < PUBLICATION_THRESHOLD) {
        suppressed++;
        return { office: f.office, kind: f.kind, stage: f.stage, stays: null, medianDays: null, p90Days: null };
      }
      return { office: f.office, kind: f.kind, stage: f.stage, stays: f.stays, medianDays: days(f.medianDays), p90Days: days(f.p90Days) };
    });
    return { report: 'processing-times', refreshedAt: await refreshedAt(this.dataSource.manager, ['report_stage_durations']), rows, suppressed };
  }
}
