/**
 * The statuses of a company, with no import at all: the server (entity, DTOs, views) and the web
 * app (`WireCompany` in live.wire.ts, the messages of each status) use this one list.
 */
export const COMPANY_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];
