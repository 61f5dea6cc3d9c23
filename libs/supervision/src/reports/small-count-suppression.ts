import type { ReportTable } from './report-table';

/** Published figures never show a count of one to four people: a reader could find them. */
export const PUBLICATION_THRESHOLD = 5;

/**
 * Suppression for publication, primary then secondary.
 *
 * Primary: every count from 1 to threshold-1 is hidden, totals included. Zero is shown: it reveals nobody.
 *
 * Secondary: each row (its cells and its total), each column (its cells and its total) and the line of column
 * totals (with the grand total) is an equation "the parts add up to the whole". An equation with exactly one
 * hidden member gives that member away by subtraction, so one more member is hidden: the smallest non-zero cell
 * still shown (the least information lost), or the whole when no cell is left to hide. Hiding a member can open
 * another equation, so the pass repeats until no equation has a single hidden member.
 *
 * A zero is never chosen as the partner: hiding a zero leaves the sum of the hidden members unchanged, so the small
 * count would still be the whole minus the figures shown. When only zeros are left, the whole is hidden instead.
 */
export function suppressForPublication(table: ReportTable, threshold = PUBLICATION_THRESHOLD): ReportTable {
  type Ref = { get: () => number | null; hide: () => void; isCell: boolean };
  const t: ReportTable = structuredClone(table);
  let hidden = 0;
  const ref = (get: () => number | null, set: (v: null) => void, isCell: boolean): Ref => ({ get, hide: () => { if (get() !== null) { set(null); hidden++; } }, isCell });

  const cellRef = (r: number, c: string) => ref(() => t.rows[r]!.cells[c] ?? null, () => (t.rows[r]!.cells[c] = null), true);
  const rowTotalRef = (r: number) => ref(() => t.rows[r]!.total, () => (t.rows[r]!.total = null), false);
  const colTotalRef = (c: string) => ref(() => t.columnTotals[c] ?? null, () => (t.columnTotals[c] = null), false);
  const grandRef = ref(() => t.grandTotal, () => (t.grandTotal = null), false);

  // Every member that holds a count, for the primary pass.
  const all: Ref[] = [grandRef, ...t.columns.map(colTotalRef)];
  t.rows.forEach((row, r) => {
    all.push(rowTotalRef(r));
    for (const c of t.columns) all.push(cellRef(r, c));
  });
  for (const m of all) {
    const v = m.get();
    if (v !== null && v > 0 && v < threshold) m.hide();
  }

  // The equations: parts, and the whole they add up to.
  const equations: { parts: Ref[]; whole: Ref }[] = [];
  t.rows.forEach((_, r) => equations.push({ parts: t.columns.map((c) => cellRef(r, c)), whole: rowTotalRef(r) }));
  for (const c of t.columns) equations.push({ parts: t.rows.map((_, r) => cellRef(r, c)), whole: colTotalRef(c) });
  equations.push({ parts: t.columns.map(colTotalRef), whole: grandRef });
  equations.push({ parts: t.rows.map((_, r) => rowTotalRef(r)), whole: grandRef });

  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      const members = [...eq.parts, eq.whole];
      const hiddenMembers = members.filter((m) => m.get() === null);
      if (hiddenMembers.length !== 1) continue;
      const candidates = eq.parts.filter((m) => { const v = m.get(); return v !== null && v > 0; });
      candidates.sort((a, b) => a.get()! - b.get()!);
      const partner = candidates[0] ?? (eq.whole.get() !== null ? eq.whole : undefined);
      if (!partner) continue;
      partner.hide();
      changed = true;
    }
  }
  t.suppressed = hidden;
  return t;
}
