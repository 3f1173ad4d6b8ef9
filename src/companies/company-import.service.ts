import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, type FieldErrors } from '../common/app-error';
import { writeCsv } from '../common/csv';
import type { WireFieldRules } from '../common/field-rules.wire';
import { textInputErrors } from '../common/text-input';
import { collectFieldProblems, storableTextRules } from '../common/validation';
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
  /** In English, as is each field's message. */
  message: string;
  fields: FieldErrors;
  /** The rules each field of `fields` broke, as a `400` names them, for clients to word. */
  rules: WireFieldRules;
}

type RowRefusal = Omit<RejectedRow, 'row'>;

/** A row refused for `fields`, with the rules they broke (`invalid` for any not named). */
function refusal(fields: FieldErrors, rules: WireFieldRules): RowRefusal {
  const error = AppError.invalid(fields, rules);
  return { message: error.message, fields: error.fields ?? {}, rules: error.rules ?? {} };
}

export interface ImportResult {
  /** A trial run (`?dryRun=true`): the answer the import would give, with nothing stored. */
  dryRun: boolean;
  total: number;
  /** The rows created (in a trial run: that would be; their ids were never stored). */
  created: ImportedRow[];
  errors: RejectedRow[];
}

/** The columns of the import's template, in order, and one example row. */
export const IMPORT_TEMPLATE_COLUMNS = [...PROFILE_COLUMNS, ...EXTRA_COLUMNS] as const;
const TEMPLATE_EXAMPLE: Record<(typeof IMPORT_TEMPLATE_COLUMNS)[number], string> = {
  name: 'Maple Channel Partners',
  country: 'CA',
  city: 'Toronto',
  website: 'https://maple-channel.example.com',
  description: 'Distributes payment and security hardware across Canada',
  sectors: 'e-commerce;smart-cards-payments',
  offers: 'distribution in north america;retail channel',
  seeks: 'nfc payment terminals',
  partnerTypes: 'distributor;reseller',
  targetMarkets: 'HK;US',
  languages: 'en;fr',
  timezone: 'America/Toronto',
  employees: '10-49',
  ownerEmail: '',
  status: 'pending',
};

/** Thrown inside a trial run's transaction to roll everything back once the answer is known. */
class TrialRunOver extends Error {}

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
  const rules: WireFieldRules = {};
  if (unknown.length > 0) {
    fields.columns = [`unknown columns: ${unknown.join(', ')}`];
    rules.columns = [{ rule: 'unknownColumns', params: { values: unknown } }];
  }
  if (missing.length > 0) {
    (fields.columns ??= []).push(`missing columns: ${missing.join(', ')}`);
    (rules.columns ??= []).push({ rule: 'missingColumns', params: { values: missing } });
  }
  if (Object.keys(fields).length > 0) throw AppError.invalid(fields, rules);
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

  /**
   * The import's template: the header row of every column the import reads and one example row
   * (`writeCsv`: with a byte-order mark, which the import reads back).
   */
  template(): string {
    return writeCsv(IMPORT_TEMPLATE_COLUMNS, [TEMPLATE_EXAMPLE]);
  }

  /**
   * Imports the rows; with `dryRun`, answers exactly as the import would (rows created, rows
   * refused and why) and stores nothing: every row is written as the import writes it, each in
   * a savepoint of one transaction that is rolled back at the end. Written, not only validated,
   * so that what only the database knows (a name already taken, also by an earlier row of the
   * same file; an owner's email) is answered too.
   */
  async import(csv: string, dryRun = false): Promise<ImportResult> {
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

    if (dryRun) {
      let answer: ImportResult | null = null;
      await this.dataSource
        .transaction(async (manager) => {
          answer = await this.importRows(records, true, manager);
          throw new TrialRunOver();
        })
        .catch((error: unknown) => {
          if (!(error instanceof TrialRunOver)) throw error;
        });
      return answer!;
    }
    return this.importRows(records, false, null);
  }

  /** Each row in its own transaction, or savepoint of `within` (a trial run's transaction). */
  private async importRows(
    records: CsvRecord[],
    dryRun: boolean,
    within: EntityManager | null,
  ): Promise<ImportResult> {
    const result: ImportResult = { dryRun, total: records.length, created: [], errors: [] };
    const refresh: { companyId: string; version: number }[] = [];
    for (const [index, record] of records.entries()) {
      const row = index + 2; // 1-based, after the header row
      const outcome = await this.importRow(record, within);
      if ('fields' in outcome) {
        result.errors.push({ row, ...outcome });
      } else {
        result.created.push({ row, id: outcome.id, name: outcome.name });
        if (dryRun) continue;
        refresh.push({ companyId: outcome.id, version: outcome.version });
        if (outcome.ownerId) this.live.joinCompany(outcome.ownerId, outcome.id);
      }
    }
    if (!dryRun) await this.refreshQueue.enqueue(refresh);
    return result;
  }

  private async importRow(
    record: CsvRecord,
    within: EntityManager | null,
  ): Promise<ImportedCompany | RowRefusal> {
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
      return refusal(unstorable, storableTextRules(unstorable));
    const dto = plainToInstance(CreateCompanyDto, plain);
    const { fields, rules } = collectFieldProblems(
      await validate(dto, { forbidUnknownValues: true, validationError: { target: true } }),
    );
    const status = record.status || 'pending';
    if (status !== 'pending' && status !== 'verified') {
      fields.status = ['must be pending or verified'];
      rules.status = [{ rule: 'isIn', params: { values: ['pending', 'verified'] } }];
    }
    const ownerEmail = record.ownerEmail?.toLowerCase() || null;
    if (Object.keys(fields).length > 0) return refusal(fields, rules);

    try {
      return await (within ?? this.dataSource.manager).transaction(async (manager) => {
        let ownerId: string | null = null;
        if (ownerEmail) {
          const owner = await manager.findOneBy(User, { email: ownerEmail });
          if (!owner) {
            throw AppError.invalid(
              { ownerEmail: ['no account has this email'] },
              { ownerEmail: [{ rule: 'knownAccount' }] },
            );
          }
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
      if (error instanceof AppError && error.kind === 'bad-request' && error.fields) {
        return { message: error.message, fields: error.fields, rules: error.rules ?? {} };
      }
      if (error instanceof AppError && error.kind !== 'not-found') {
        // A conflict (the name already registered in this country) is the row's name's fault.
        const rule = error.code === 'company.duplicate' ? 'nameTaken' : 'invalid';
        return {
          message: error.message,
          fields: { name: [error.message] },
          rules: { name: [{ rule }] },
        };
      }
      throw error;
    }
  }
}
