import type { EntityManager } from 'typeorm';
import type { FitCompany, FitPost, PostFit } from './opportunity-fit';
import type { OpportunityKind, WireOpportunity } from './opportunity.wire';

/** One post with its company, its poster's name and its interest, as the board's SQL reads it. */
export interface OpportunityRow {
  id: string;
  kind: OpportunityKind;
  title: string;
  description: string;
  sectors: string[];
  countries: string[];
  partner_types: string[];
  deadline: Date | null;
  link: string | null;
  partner_country: string | null;
  company_id: string | null;
  posted_by: string | null;
  created_at: Date;
  updated_at: Date;
  company_name: string | null;
  company_country: string | null;
  company_status: string | null;
  company_sectors: string[] | null;
  company_offers: string[] | null;
  company_seeks: string[] | null;
  company_partner_types: string[] | null;
  company_target_markets: string[] | null;
  company_languages: string[] | null;
  poster_name: string | null;
  interest_count: number;
  interested: boolean;
  total?: number;
}

/**
 * The board's SELECT and FROM: `$1` is the viewer's company (or null), for `interested`. A post is
 * on the board while its deadline lies ahead (`OPEN_SQL`) and its company, if any, is verified.
 */
export function selectOpportunities(extraColumns = ''): string {
  return `SELECT ${extraColumns} o.id, o.kind, o.title, o.description, o.sectors, o.countries,
       o.partner_types, o.deadline, o.link, o.partner_country, o.company_id, o.posted_by,
       o.created_at, o.updated_at,
       c.name AS company_name, c.country AS company_country, c.status::text AS company_status,
       c.sectors AS company_sectors, c.offers AS company_offers, c.seeks AS company_seeks,
       c.partner_types AS company_partner_types, c.target_markets AS company_target_markets,
       c.languages AS company_languages, u.name AS poster_name,
       (SELECT count(*)::int FROM opportunity_interests i WHERE i.opportunity_id = o.id)
         AS interest_count,
       EXISTS (SELECT 1 FROM opportunity_interests i
                WHERE i.opportunity_id = o.id AND i.company_id = $1::uuid) AS interested
  FROM opportunities o
  LEFT JOIN companies c ON c.id = o.company_id
  LEFT JOIN users u ON u.id = o.posted_by`;
}

/** Open posts only: the deadline lies ahead (or there is none) and a firm's company is verified. */
export const ON_BOARD_SQL = `(o.deadline IS NULL OR o.deadline > now())
  AND (o.company_id IS NULL OR c.status = 'verified')`;

/** The words of a post that `?q=` searches (the GIN index of the migration is on this). */
export const SEARCH_DOCUMENT_SQL = `to_tsvector('simple', o.title || ' ' || o.description)`;

export function isOnBoard(row: OpportunityRow, now: Date): boolean {
  return (
    (row.deadline === null || row.deadline > now) &&
    (row.company_id === null || row.company_status === 'verified')
  );
}

/** One post by id, or undefined. */
export async function loadOpportunityRow(
  manager: EntityManager,
  id: string,
  viewerCompanyId: string | null,
): Promise<OpportunityRow | undefined> {
  const [row] = await manager.query<OpportunityRow[]>(`${selectOpportunities()} WHERE o.id = $2`, [
    viewerCompanyId,
    id,
  ]);
  return row;
}

/** What scoring reads of a company's row (`companies` columns). */
export interface CompanyProfileRow {
  id: string;
  name: string;
  country: string;
  sectors: string[];
  offers: string[];
  seeks: string[];
  partner_types: string[];
  target_markets: string[];
  languages: string[];
}

export function toFitCompany(row: CompanyProfileRow): FitCompany {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    sectors: row.sectors,
    offers: row.offers,
    seeks: row.seeks,
    partnerTypes: row.partner_types,
    targetMarkets: row.target_markets,
    languages: row.languages,
  };
}

export function toFitPost(row: OpportunityRow): FitPost {
  return {
    id: row.id,
    sectors: row.sectors,
    countries: row.countries,
    partnerTypes: row.partner_types,
    partnerCountry: row.partner_country,
    company:
      row.company_id === null
        ? null
        : {
            id: row.company_id,
            name: row.company_name ?? '',
            country: row.company_country ?? '',
            sectors: row.company_sectors ?? [],
            offers: row.company_offers ?? [],
            seeks: row.company_seeks ?? [],
            partnerTypes: row.company_partner_types ?? [],
            targetMarkets: row.company_target_markets ?? [],
            languages: row.company_languages ?? [],
          },
  };
}

/** Who looks: an organiser, or a member with the companies they speak for. */
export interface Viewer {
  organiser: boolean;
  companyIds: ReadonlySet<string>;
}

export function canEditPost(viewer: Viewer, row: { company_id: string | null }): boolean {
  return viewer.organiser || (row.company_id !== null && viewer.companyIds.has(row.company_id));
}

export function toWireOpportunity(
  row: OpportunityRow,
  viewer: Viewer,
  now: Date,
  fit: PostFit = { score: null, reasons: [] },
): WireOpportunity {
  const canEdit = canEditPost(viewer, row);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    sectors: row.sectors,
    countries: row.countries,
    partnerTypes: row.partner_types,
    deadline: row.deadline?.toISOString() ?? null,
    link: row.link,
    partnerCountry: row.partner_country,
    company:
      row.company_id === null
        ? null
        : { id: row.company_id, name: row.company_name ?? '', country: row.company_country ?? '' },
    postedBy: row.posted_by === null ? null : { id: row.posted_by, name: row.poster_name ?? '' },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    open: row.deadline === null || row.deadline > now,
    canEdit,
    interestCount: canEdit ? row.interest_count : null,
    interested: row.interested,
    score: fit.score,
    reasons: fit.reasons,
  };
}
