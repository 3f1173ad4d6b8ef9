import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RefreshCompanyJob } from '../../jobs/queues';
import { Company } from '../company.entity';
import { normaliseTags } from '../tags';

export type RefreshOutcome = 'refreshed' | 'superseded' | 'missing';

/**
 * The worker's share of a company change: tags in canonical form, and the weighted full-text
 * document the directory searches (name A, tags B, sectors and place C, description D).
 */
@Injectable()
export class CompanyIndexer {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async refresh(job: RefreshCompanyJob): Promise<RefreshOutcome> {
    const company = await this.dataSource.getRepository(Company).findOneBy({ id: job.companyId });
    if (!company) return 'missing';
    const offers = normaliseTags(company.offers);
    const seeks = normaliseTags(company.seeks);
    // Only the version read above is indexed; a newer edit has its own job queued.
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE companies SET
         offers = $2::text[],
         seeks = $3::text[],
         search_document =
           setweight(to_tsvector('simple', name), 'A') ||
           setweight(to_tsvector('simple', array_to_string($2::text[] || $3::text[], ' ')), 'B') ||
           setweight(to_tsvector('simple', array_to_string(sectors, ' ') || ' ' || city || ' ' || country), 'C') ||
           setweight(to_tsvector('simple', description), 'D'),
         indexed_version = version
       WHERE id = $1 AND version = $4`,
      [company.id, offers, seeks, company.version],
    );
    return affected > 0 ? 'refreshed' : 'superseded';
  }

  /** Companies whose search document is behind their profile (a queueing failure, an old row). */
  async findStale(limit: number): Promise<RefreshCompanyJob[]> {
    const rows = await this.dataSource.query<{ id: string; version: number }[]>(
      'SELECT id, version FROM companies WHERE indexed_version < version ORDER BY updated_at LIMIT $1',
      [limit],
    );
    return rows.map((row) => ({ companyId: row.id, version: row.version }));
  }
}
