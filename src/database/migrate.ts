import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Opens a DataSource on `databaseUrl`, runs `work` with it, and always closes it. */
export async function withDataSource<T>(
  databaseUrl: string,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Applies pending migrations, each in its own transaction; returns their names. */
export function migrate(databaseUrl: string): Promise<string[]> {
  return withDataSource(databaseUrl, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}
