import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { AppError, type FieldErrors } from '../common/app-error';
import { textInputErrors } from '../common/text-input';
import { collectFieldErrors } from '../common/validation';
import { User } from '../users/user.entity';
import { LiveEmitter } from '../live/live-emitter';
import { CompaniesService } from './companies.service';
import { CreateCompanyDto } from './dto/company.dto';
import { CompanyRefreshQueue } from './jobs/company-refresh.queue';

/** Columns holding lists: values inside one cell are separated by `;` (or `|`). */
const LIST_COLUMNS = [
  'sectors',
  'offers',
  'seeks',
  'partnerTypes',
  'targetMarkets',
  'languages',
] as const;
const PROFILE_COLUMNS = [
  'name',
  'country',
  'city',
  'website',
  'description',
  ...LIST_COLUMNS,
  'timezone',
  'employees',
] as const;
/** Optional extras: the account that owns the company, and `pending` (default) or `verified`. */
const EXTRA_COLUMNS = ['ownerEmail', 'status'] as const;
const REQUIRED_COLUMNS = [
  'name',
  'country',
  'city',
  'sectors',
  'languages',
  'timezone',
  'employees',
];
export const MAX_IMPORT_ROWS = 5000;

export interface ImportedRow {
  row: number;
  id: string;
  name: string;
}

export interface RejectedRow {
  row: number;
  message: string;
  fields: FieldErrors;
}

export interface ImportResult {
  total: number;
  created: ImportedRow[];
  errors: RejectedRow[];
}

type CsvRecord = Record<string, string>;

interface ImportedCompany {
  id: string;
  name: string;
  version: number;
  ownerId: string | null;
}

function splitList(cell: string): string[] {
  return cell
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function parseCsv(csv: string): CsvRecord[] {
  try {
    return parse(csv, {
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: 64 * 1024,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'bad-request',
      'import.malformed_csv',
      `The CSV could not be read: ${reason}`,
      {
        body: [reason],
      },
    );
  }
}

function checkColumns(records: CsvRecord[]): void {
  const header = Object.keys(records[0] ?? {});
  const known = new Set<string>([...PROFILE_COLUMNS, ...EXTRA_COLUMNS]);
  const unknown = header.filter((column) => !known.has(column));
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  const fields: FieldErrors = {};
  if (unknown.length > 0) fields.columns = [`unknown columns: ${unknown.join(', ')}`];
  if (missing.length > 0) (fields.columns ??= []).push(`missing columns: ${missing.join(', ')}`);
  if (Object.keys(fields).length > 0) throw AppError.invalid(fields);
}

/**
 * Bulk registration from CSV (one header row, then one company per row). Each row is checked
 * like `POST /api/companies` and stored in its own transaction: a bad row is reported and
 * stores nothing, and the good rows are created.
 */
@Injectable()
export class CompanyImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly refreshQueue: CompanyRefreshQueue,
    private readonly live: LiveEmitter,
  ) {}

  async import(csv: string): Promise<ImportResult> {
    if (csv.trim() === '') {
      throw new AppError(
        'bad-request',
        'import.empty',
        'The CSV is empty: send a header row and at least one company',
        {
          body: ['must not be empty'],
        },
      );
    }
    const records = parseCsv(csv);
    if (records.length === 0) {
      throw new AppError(
        'bad-request',
        'import.no_rows',
        'The CSV has a header row but no companies',
        {
          body: ['has no data rows'],
        },
      );
    }
    if (records.length > MAX_IMPORT_ROWS) {
      throw new AppError(
        'payload-too-large',
        'import.too_many_rows',
        `At most ${MAX_IMPORT_ROWS} rows per import`,
      );
    }
    checkColumns(records);

    const result: ImportResult = { total: records.length, created: [], errors: [] };
    const refresh: { companyId: string; version: number }[] = [];
    for (const [index, record] of records.entries()) {
      const row = index + 2; // 1-based, after the header row
      const outcome = await this.importRow(record);
      if ('fields' in outcome) {
        result.errors.push({ row, ...outcome });
      } else {
        result.created.push({ row, id: outcome.id, name: outcome.name });
        refresh.push({ companyId: outcome.id, version: outcome.version });
        if (outcome.ownerId) this.live.joinCompany(outcome.ownerId, outcome.id);
      }
    }
    await this.refreshQueue.enqueue(refresh);
    return result;
  }

  private async importRow(
    record: CsvRecord,
  ): Promise<ImportedCompany | { message: string; fields: FieldErrors }> {
    const plain: Record<string, unknown> = {};
    for (const column of PROFILE_COLUMNS) {
      const cell = record[column];
      if (
        cell === undefined ||
        (cell === '' && !(LIST_COLUMNS as readonly string[]).includes(column))
      )
        continue;
      plain[column] = (LIST_COLUMNS as readonly string[]).includes(column) ? splitList(cell) : cell;
    }
    // A cell that cannot be stored as text (NUL, a lone surrogate) refuses its row, as the global
    // pipe refuses such text in a JSON body (and before any validator reads it).
    const unstorable = textInputErrors(record);
    if (Object.keys(unstorable).length > 0)
      return { message: AppError.invalid(unstorable).message, fields: unstorable };
    const dto = plainToInstance(CreateCompanyDto, plain);
    const fields = collectFieldErrors(await validate(dto, { forbidUnknownValues: true }));
    const status = record.status || 'pending';
    if (status !== 'pending' && status !== 'verified') {
      fields.status = ['must be pending or verified'];
    }
    const ownerEmail = record.ownerEmail?.toLowerCase() || null;
    if (Object.keys(fields).length > 0)
      return { message: AppError.invalid(fields).message, fields };

    try {
      return await this.dataSource.transaction(async (manager) => {
        let ownerId: string | null = null;
        if (ownerEmail) {
          const owner = await manager.findOneBy(User, { email: ownerEmail });
          if (!owner) throw AppError.invalid({ ownerEmail: ['no account has this email'] });
          ownerId = owner.id;
        }
        const company = await this.companies.insertCompany(
          manager,
          dto,
          ownerId,
          status as 'pending' | 'verified',
        );
        return { id: company.id, name: company.name, version: company.version, ownerId };
      });
    } catch (error) {
      if (error instanceof AppError && error.kind !== 'not-found') {
        return { message: error.message, fields: error.fields ?? { name: [error.message] } };
      }
      throw error;
    }
  }
}
