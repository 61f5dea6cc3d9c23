/**
 * A report as a cross table: one dimension down (rows), optionally one across (columns), counts in the cells, with
 * row totals, column totals and the grand total. Publication suppression works on this shape because the totals
 * are what make a hidden cell recoverable (total minus the cells shown).
 */
export interface ReportTable {
  rowDimension: string;
  columnDimension: string | null;
  columns: string[];
  rows: ReportRow[];
  /** Per column; with no column dimension, one column named 'count'. */
  columnTotals: Record<string, number | null>;
  grandTotal: number | null;
  /** How many cells and totals publication hid (0 when not in publication mode). */
  suppressed: number;
}

export interface ReportRow {
  key: string;
  label?: string;
  cells: Record<string, number | null>;
  total: number | null;
}

/** The single column of a one-dimensional table. */
export const COUNT_COLUMN = 'count';

/** The labels of a table's rows (an office's name, an officer's), from the counts that carry one. */
export function rowLabels(entries: { row: string; label: string | null }[]): Record<string, string> {
  return Object.fromEntries(entries.filter((e) => e.label).map((e) => [e.row, e.label!]));
}

/** Builds the table (rows and columns sorted by key) from (row, column, count) triples. */
export function buildTable(
  rowDimension: string,
  columnDimension: string | null,
  entries: { row: string; column: string | null; count: number }[],
  labels: Record<string, string> = {},
): ReportTable {
  const columns = columnDimension ? [...new Set(entries.map((e) => e.column ?? ''))].sort() : [COUNT_COLUMN];
  const byRow = new Map<string, Record<string, number>>();
  for (const e of entries) {
    const cells = byRow.get(e.row) ?? Object.fromEntries(columns.map((c) => [c, 0]));
    const col = columnDimension ? (e.column ?? '') : COUNT_COLUMN;
    cells[col] = (cells[col] ?? 0) + e.count;
    byRow.set(e.row, cells);
  }
  const rows: ReportRow[] = [...byRow.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, cells]) => ({ key, ...(labels[key] ? { label: labels[key] } : {}), cells, total: Object.values(cells).reduce((s, n) => s + n, 0) }));
  const columnTotals = Object.fromEntries(columns.map((c) => [c, rows.reduce((s, r) => s + (r.cells[c] ?? 0), 0)]));
  const grandTotal = rows.reduce((s, r) => s + (r.total ?? 0), 0);
  return { rowDimension, columnDimension, columns, rows, columnTotals, grandTotal, suppressed: 0 };
}
