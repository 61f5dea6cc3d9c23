import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseStatistics } from '@masar/cases';
import { SupervisionErrors } from '../supervision.errors';
import { officeIdsOf, type ReportScope } from './report-scope';
import { refreshedAt } from './report-freshness';
import { buildTable, rowLabels, type ReportTable } from './report-table';

export const GRANT_RATE_GROUPS = ['office', 'officer'] as const;
export type GrantRateGroup = (typeof GRANT_RATE_GROUPS)[number];

export interface GrantRateRow {
  key: string;
  label: string;
  decisions: number | null;
  favourable: number | null;
  unfavourable: number | null;
  /** favourable / decisions, 3 decimals; null when either is hidden in publication. */
  grantRate: number | null;
}

export interface GrantRatesReport {
  report: 'grant-rates';
  by: GrantRateGroup;
  /** For officers: which part of the decision is counted ('proposed' by caseworkers, 'confirmed' by supervisors). */
  part: 'proposed' | 'confirmed';
  refreshedAt: string;
  table: ReportTable;
}

/**
 * Grant rates of first-instance decisions, by office or by officer, through the cases context's statistics
 * (`CaseStatistics.decisionCounts`). By office, each decision counts once (its 'proposed' row). By officer, `part`
 * chooses who is measured: the caseworker who proposed, or the supervisor who confirmed (four eyes: every decision
 * has both).
 */
@Injectable()
export class GrantRatesQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statistics: CaseStatistics,
  ) {}

  async execute(scope: ReportScope, req: { by: string; part?: string; kind?: string; from?: string; to?: string }): Promise<GrantRatesReport> {
    if (!(GRANT_RATE_GROUPS as readonly string[]).includes(req.by)) throw SupervisionErrors.dimensionUnknown(req.by, GRANT_RATE_GROUPS);
    const by = req.by as GrantRateGroup;
    const part = req.part === 'confirmed' ? 'confirmed' : 'proposed';
    if (req.part && req.part !== 'confirmed' && req.part !== 'proposed') throw SupervisionErrors.dimensionUnknown(req.part, ['proposed', 'confirmed']);
    const found = await this.statistics.decisionCounts({ by, part, officeIds: officeIdsOf(scope), kind: req.kind, from: req.from, to: req.to });
    const labels = rowLabels(found);
    const table = buildTable(by, 'outcome', found, labels);
    for (const c of ['favourable', 'unfavourable']) {
      if (!table.columns.includes(c)) {
        table.columns.push(c);
        table.columns.sort();
        for (const r of table.rows) r.cells[c] = 0;
        table.columnTotals[c] = 0;
      }
    }
    return { report: 'grant-rates', by, part, refreshedAt: await refreshedAt(this.dataSource.manager, ['report_decisions_summary']), table };
  }
}

/** The rate beside each row of a (possibly suppressed) table: hidden when the figures it comes from are. */
export function grantRates(table: ReportTable): GrantRateRow[] {
  const rate = (fav: number | null | undefined, total: number | null) => (fav === null || fav === undefined || total === null || total === 0 ? null : Math.round((fav / total) * 1000) / 1000);
  return table.rows.map((r) => ({
    key: r.key,
    label: r.label ?? r.key,
    decisions: r.total,
    favourable: r.cells.favourable ?? null,
    unfavourable: r.cells.unfavourable ?? null,
    grantRate: rate(r.cells.favourable, r.total),
  }));
}
