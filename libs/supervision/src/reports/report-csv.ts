import type { ReportTable } from './report-table';

/** A hidden figure in CSV: the usual statistical mark, so a reader sees it was withheld, not zero. */
export const SUPPRESSED_MARK = 'x';

/**
 * One CSV field (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a
 * quote, since office names and labels come from people.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return SUPPRESSED_MARK;
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLines(rows: (string | number | null | undefined)[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The cross table with its row totals, then a last line of column totals and the grand total. */
export function tableToCsv(t: ReportTable): string {
  const header = [t.rowDimension, ...t.columns, 'total'];
  const body = t.rows.map((r) => [r.key, ...t.columns.map((c) => r.cells[c] ?? null), r.total]);
  const totals = ['total', ...t.columns.map((c) => t.columnTotals[c] ?? null), t.grandTotal];
  return csvLines([header, ...body, totals]);
}
