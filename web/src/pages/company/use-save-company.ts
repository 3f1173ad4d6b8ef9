import { useMutation } from '@tanstack/react-query';
import type { WireCompany } from '../../../../src/live/live.wire';
import type { Company } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import type { CompanyBody } from './form-state';

/** Registers a company, or saves the changes to `company` (PATCH). */
export function useSaveCompany(
  company: WireCompany | undefined,
  handlers: {
    onMutate: () => void;
    onSuccess: (saved: Company) => void;
    onError: (error: unknown) => void;
  },
) {
  return useMutation({
    mutationFn: (body: CompanyBody) =>
      call(
        company
          ? client.PATCH('/api/companies/{id}', { params: { path: { id: company.id } }, body })
          : client.POST('/api/companies', { body }),
      ),
    ...handlers,
  });
}
