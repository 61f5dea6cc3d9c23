import type { CrossTableReport, GrantRatesReport, ProcessingTimesReport, ReportTable } from '../../api/contract';

/** RFC 4180 CSV of a report table, with a BOM so that spreadsheet programs read Arabic names as UTF-8. */
export function toCsv(table: ReportTable): string {
  const cell = (v: string | number | null) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    // A leading =, +, - or @ would be run as a formula by a spreadsheet.
    const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + [table.columns, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Rows as chart data: the first column names the bar, each numeric column is a series. */
export function toChartData(table: ReportTable, only?: string[]): { data: Record<string, string | number>[]; series: string[]; key: string } {
  const key = table.columns[0] ?? 'label';
  const numeric = table.columns.slice(1).filter((c, i) => (!only || only.includes(c)) && table.rows.some((r) => typeof r[i + 1] === 'number'));
  const data = table.rows.map((r) => {
    const o: Record<string, string | number> = { [key]: String(r[0] ?? '') };
    table.columns.slice(1).forEach((c, i) => {
      const v = r[i + 1];
      if (numeric.includes(c)) o[c] = typeof v === 'number' ? v : 0;
    });
    return o;
  });
  return { data, series: numeric, key };
}

/** A cross table (files by office x state...) as rows: label, each column, total; hidden cells stay null. */
export function crossTable(r: CrossTableReport): ReportTable {
  return {
    columns: [r.rowDimension, ...r.columns, 'total'],
    rows: r.rows.map((row) => [row.label ?? row.key, ...r.columns.map((c) => row.cells[c] ?? null), row.total]),
  };
}

/** Grant rates as a percentage a person reads (62.5), not a fraction. */
export function grantRatesTable(r: GrantRatesReport): ReportTable {
  return {
    columns: [r.by, 'decisions', 'favourable', 'unfavourable', 'grant_rate_percent'],
    rows: r.rows.map((x) => [x.label || x.key, x.decisions, x.favourable, x.unfavourable, x.grantRate === null ? null : Math.round(x.grantRate * 1000) / 10]),
  };
}

export function processingTimesTable(r: ProcessingTimesReport): ReportTable {
  return {
    columns: ['office', 'kind', 'stage', 'stays', 'median_days', 'p90_days'],
    rows: r.rows.map((x) => [x.office, x.kind, x.stage, x.stays, x.medianDays, x.p90Days]),
  };
}
