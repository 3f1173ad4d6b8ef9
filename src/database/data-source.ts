import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** The DataSource the TypeORM CLI uses (`npm run migration:*`); reads DATABASE_URL only. */
export default new DataSource(buildDataSourceOptions(loadDatabaseUrl()));
