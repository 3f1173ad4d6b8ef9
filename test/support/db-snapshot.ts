import type { DataSource } from 'typeorm';

/** A fingerprint per table: its row count and the md5 of its rows in a fixed order. */
export type TableSnapshot = Record<string, string>;

/**
 * Fingerprints every application table in one query, so that a refused write can be shown to
 * have stored nothing (any row added, changed or removed changes its table's fingerprint).
 * `except` leaves out tables, `columns` columns of a table (`{companies: ['search_document']}`):
 * what the caller leaves out it must justify.
 */
export async function tableSnapshotter(
  dataSource: DataSource,
  except: readonly string[] = [],
  columns: Record<string, readonly string[]> = {},
): Promise<() => Promise<TableSnapshot>> {
  const tables = (
    await dataSource.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((row) => row.name)
    .filter((name) => !except.includes(name));
  if (tables.length === 0) throw new Error('no tables to fingerprint');
  const sql = tables
    .map((name) => {
      const row = columns[name]
        ? `(to_jsonb(t) - ARRAY[${columns[name].map((column) => `'${column}'`).join(', ')}])::text`
        : 't::text';
      return (
        `SELECT '${name}' AS name, count(*)::text || ':' || ` +
        `coalesce(md5(string_agg(md5(${row}), '' ORDER BY md5(${row}))), '') AS print FROM "${name}" t`
      );
    })
    .join(' UNION ALL ');
  return async () => {
    const rows = await dataSource.query<{ name: string; print: string }[]>(sql);
    return Object.fromEntries(rows.map((row) => [row.name, row.print]));
  };
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
