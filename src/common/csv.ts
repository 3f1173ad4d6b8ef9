import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/** What a CSV cell may hold. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** A cell a spreadsheet would read as a formula (or the start of one): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The cell as written: text that a spreadsheet would take for a formula gets a leading `'`
 * (OWASP's advice against CSV injection: `=HYPERLINK(...)` in a company's name stays text).
 * Numbers stay numbers; null and undefined are empty cells.
 */
export function neutraliseCell(value: CsvValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = value instanceof Date ? value.toISOString() : value;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Every CSV the product writes goes through here: a UTF-8 byte-order mark first (Excel reads the
 * file as UTF-8 then, so "CA–HK" and Chinese names are not garbled), a header row of `columns`,
 * then one row per record with each cell neutralised (neutraliseCell).
 */
export function writeCsv<Column extends string>(
  columns: readonly Column[],
  records: readonly Partial<Record<Column, CsvValue>>[],
): string {
  return stringify(
    records.map((record) => columns.map((column) => neutraliseCell(record[column]))),
    { bom: true, header: true, columns: columns.map((column) => ({ key: column })) },
  );
}

/** Answers a CSV download: its type and a file name to save it under. */
export function sendsCsv(reply: FastifyReply, filename: string): void {
  void reply.header('Content-Type', 'text/csv; charset=utf-8');
  void reply.header('Content-Disposition', `attachment; filename="${filename}"`);
}
