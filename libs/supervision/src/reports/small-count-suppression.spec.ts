import { buildTable, type ReportTable } from './report-table';
import { suppressForPublication } from './small-count-suppression';

const table = (rows: Record<string, Record<string, number>>) =>
  buildTable('office', 'state', Object.entries(rows).flatMap(([row, cells]) => Object.entries(cells).map(([column, count]) => ({ row, column, count }))));

/** Every "parts add up to the whole" equation of the table has zero or at least two hidden members. */
function equationsWithOneHidden(t: ReportTable): string[] {
  const bad: string[] = [];
  const check = (name: string, members: (number | null)[]) => {
    if (members.filter((v) => v === null).length === 1) bad.push(name);
  };
  for (const r of t.rows) check(`row ${r.key}`, [...t.columns.map((c) => r.cells[c] ?? null), r.total]);
  for (const c of t.columns) check(`column ${c}`, [...t.rows.map((r) => r.cells[c] ?? null), t.columnTotals[c] ?? null]);
  check('column totals', [...t.columns.map((c) => t.columnTotals[c] ?? null), t.grandTotal]);
  check('row totals', [...t.rows.map((r) => r.total), t.grandTotal]);
  return bad;
}

describe('suppression for publication', () => {
  it('hides a small count, then enough figures beside it that no row or column gives it away', () => {
    const source = table({
      RAB: { granted: 3, refused: 20, open: 40 },
      SAL: { granted: 12, refused: 9, open: 30 },
      CAS: { granted: 25, refused: 7, open: 50 },
    });
    const t = suppressForPublication(source);
    const rab = t.rows.find((r) => r.key === 'RAB')!;
    expect(rab.cells.granted).toBeNull();
    // The smallest other figure of RAB's row is the partner: the total (63) stays published.
    expect(rab.cells.refused).toBeNull();
    expect(rab.cells.open).toBe(40);
    expect(rab.total).toBe(63);
    expect(equationsWithOneHidden(t)).toEqual([]);
    expect(t.grandTotal).toBe(196);
    expect(t.suppressed).toBeGreaterThanOrEqual(4);
  });

  it('hides a total below the threshold too, and another total beside it on the line of totals', () => {
    const t = suppressForPublication(table({ RAB: { granted: 2, refused: 0 }, SAL: { granted: 30, refused: 10 } }));
    const [rab, sal] = t.rows;
    expect(rab!.cells.granted).toBeNull();
    expect(rab!.total).toBeNull(); // 2: below the threshold itself
    expect(rab!.cells.refused).toBe(0); // a zero reveals nobody
    expect(sal!.cells.granted).toBeNull(); // otherwise 32 - 30 = 2
    expect(sal!.total).toBeNull(); // otherwise 42 - 40 = 2
    expect(sal!.cells.refused).toBe(10);
    expect(t.grandTotal).toBe(42);
    expect(equationsWithOneHidden(t)).toEqual([]);
  });

  it('leaves a table with no small count as it is', () => {
    const source = table({ RAB: { granted: 5, refused: 6 }, SAL: { granted: 0, refused: 9 } });
    const t = suppressForPublication(source);
    expect(t.suppressed).toBe(0);
    expect(t.rows).toEqual(source.rows);
  });

  it('in one dimension, hides a second row so that the total does not give the small one away', () => {
    const t = suppressForPublication(buildTable('nationality', null, [
      { row: 'SN', column: null, count: 40 },
      { row: 'ML', column: null, count: 1 },
      { row: 'CI', column: null, count: 8 },
    ]));
    expect(Object.fromEntries(t.rows.map((r) => [r.key, r.cells.count]))).toEqual({ CI: null, ML: null, SN: 40 });
    expect(t.grandTotal).toBe(49);
    expect(equationsWithOneHidden(t)).toEqual([]);
  });
});
