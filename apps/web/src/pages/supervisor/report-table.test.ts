import { describe, expect, it } from 'vitest';
import { toChartData, toCsv } from './report-table';

describe('report CSV', () => {
  it('is UTF-8 with a BOM, CRLF, quotes what needs quoting', () => {
    const csv = toCsv({ columns: ['office', 'files'], rows: [['Préfecture de Rabat, RSK', 12], ['عمالة "سلا"', null]] });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFoffice,files\r\n"Préfecture de Rabat, RSK",12\r\n"عمالة ""سلا""",\r\n');
  });
  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    const csv = toCsv({ columns: ['a', 'b'], rows: [['=HYPERLINK("x")', -3]] });
    expect(csv).toContain(`"'=HYPERLINK(""x"")",-3`);
  });
});

describe('report chart data', () => {
  it('uses the first column as the bar and numeric columns as series', () => {
    expect(toChartData({ columns: ['office', 'granted', 'refused', 'note'], rows: [['RAB', 10, 2, 'x'], ['SAL', 4, null, 'y']] })).toEqual({
      key: 'office',
      series: ['granted', 'refused'],
      data: [
        { office: 'RAB', granted: 10, refused: 2 },
        { office: 'SAL', granted: 4, refused: 0 },
      ],
    });
  });
});
