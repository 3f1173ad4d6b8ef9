import { parse } from 'csv-parse/sync';
import { neutraliseCell, writeCsv } from './csv';

describe('writeCsv', () => {
  it('starts with a UTF-8 byte-order mark and a header row', () => {
    const csv = writeCsv(['pair', 'held'], [{ pair: 'CA–HK', held: 2 }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\n').slice(0, 2)).toEqual(['pair,held', 'CA–HK,2']);
  });

  it('writes a cell that begins like a formula with a leading apostrophe', () => {
    const names = ['=1+1', '+61 2 9999', '-dash', '@SUM(A1)', '\tTab', '\rReturn', 'Plain=ok'];
    const csv = writeCsv(
      ['name'],
      names.map((name) => ({ name })),
    );
    const rows: { name: string }[] = parse(csv, { bom: true, columns: true });
    expect(rows.map((row) => row.name)).toEqual([
      "'=1+1",
      "'+61 2 9999",
      "'-dash",
      "'@SUM(A1)",
      "'\tTab",
      "'\rReturn",
      'Plain=ok',
    ]);
  });

  it('keeps numbers as numbers and leaves missing values empty', () => {
    expect(neutraliseCell(-1)).toBe(-1);
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
    const csv = writeCsv(['a', 'b', 'c'], [{ a: 1, c: 'x' }]);
    expect(csv.slice(1).split('\n')[1]).toBe('1,,x');
  });
});
