/**
 * Every BullMQ queue and job of TradeMatch, by name, with its payload. Payloads hold ids only;
 * job ids are derived from the work so that triggering the same work twice queues it once.
 */
export const QUEUES = {
  companies: 'companies',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  refreshCompany: 'company.refresh',
} as const;

/** Normalise one company's tags and rebuild its search document, as of `version`. */
export interface RefreshCompanyJob {
  companyId: string;
  version: number;
}

/** One job per company version: a repeated trigger for an unchanged company is a no-op. */
export function refreshCompanyJobId(job: RefreshCompanyJob): string {
  return `company-refresh.${job.companyId}.v${job.version}`;
}
