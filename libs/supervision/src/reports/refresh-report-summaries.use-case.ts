import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CASE_REPORT_VIEWS, CaseStatistics } from '@masar/cases';

/** The summaries the reports read: the cases context's report views. */
export const REPORT_SUMMARIES = CASE_REPORT_VIEWS;

/** A key of its own for the advisory lock, so that two workers never refresh at the same time. */
const REFRESH_LOCK = 7_000_701;

/**
 * Refreshes the report summaries through the cases context, which owns them (CONCURRENTLY: readers keep the
 * previous figures meanwhile), and records when, for the reports to say. Two workers at once: the second finds the lock taken and skips, since the first produces the same figures.
 */
@Injectable()
export class RefreshReportSummaries {
  private readonly logger = new Logger(RefreshReportSummaries.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly statistics: CaseStatistics,
  ) {}

  async execute(): Promise<{ refreshed: string[]; skipped: boolean }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`select pg_try_advisory_lock($1) as locked`, [REFRESH_LOCK]);
      if (!locked) {
        this.logger.log('report summaries are being refreshed by another worker; skipped');
        return { refreshed: [], skipped: true };
      }
      try {
        for (const summary of REPORT_SUMMARIES) {
          const started = Date.now();
          await this.statistics.refresh(summary, runner.manager);
          const durationMs = Date.now() - started;
          await runner.query(`update report_refreshes set refreshed_at = now(), duration_ms = $2 where summary = $1`, [summary, durationMs]);
          this.logger.log({ summary, durationMs }, 'report summary refreshed');
        }
        return { refreshed: [...REPORT_SUMMARIES], skipped: false };
      } finally {
        await runner.query(`select pg_advisory_unlock($1)`, [REFRESH_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
