import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';
import type { CompanyProfile } from '../types';
import { listQuery, type Filters } from './filters';

/** The query key of a page of the directory. */
export const companyListKey = (filters: Filters, page: number) =>
  keys.companyList(JSON.stringify(listQuery(filters, page)));

/** A page of the company directory, filtered. */
export function useCompanies(filters: Filters, page: number) {
  const query = listQuery(filters, page);
  return useQuery({
    queryKey: companyListKey(filters, page),
    queryFn: () => call(client.GET('/api/companies', { params: { query } })),
  });
}

/** Verifies or rejects a pending company; the decided company is handed on. */
export function useVerification(
  company: CompanyProfile,
  onDecided: (company: CompanyProfile) => void,
) {
  return useMutation({
    /** `reason`: why it is rejected, sent to the firm. */
    mutationFn: ({ status, reason }: { status: 'verified' | 'rejected'; reason?: string }) =>
      call(
        client.POST('/api/companies/{id}/verification', {
          params: { path: { id: company.id } },
          body: status === 'rejected' ? { status, reason } : { status },
        }),
      ),
    onSuccess: (decided) => onDecided({ ...company, ...decided }),
  });
}
