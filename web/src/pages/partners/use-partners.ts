import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';
import type { AgreementBody, PartnerBody } from './types';

/** Every partner economy with its agreements (any signed-in user). */
export function usePartners() {
  return useQuery({
    queryKey: keys.partnerList,
    queryFn: () => call(client.GET('/api/partners')),
  });
}

export function usePartner(id: string) {
  return useQuery({
    queryKey: keys.partner(id),
    queryFn: () => call(client.GET('/api/partners/{id}', { params: { path: { id } } })),
  });
}

/** The activities held under a partner economy in `year` (this year when none), organisers. */
export function usePartnerActivities(id: string, year: number | null) {
  return useQuery({
    queryKey: keys.partnerActivities(id, year),
    queryFn: () =>
      call(
        client.GET('/api/partners/{id}/activities', {
          params: { path: { id }, query: year === null ? {} : { year } },
        }),
      ),
  });
}

type Handlers = {
  onMutate?: () => void;
  onError?: (error: unknown) => void;
  onSuccess?: () => void;
};

/** Creates a partner economy (no id) or saves changes to one; every partner query loads again. */
export function useSavePartner(id: string | undefined, handlers: Handlers = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PartnerBody>) =>
      call(
        id
          ? client.PATCH('/api/partners/{id}', { params: { path: { id } }, body })
          : client.POST('/api/partners', { body: body as PartnerBody }),
      ),
    onMutate: handlers.onMutate,
    onError: handlers.onError,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.partners });
      handlers.onSuccess?.();
    },
  });
}

/** Adds an agreement to a partner economy (a renewal with `renews`), or saves one (`agreementId`). */
export function useSaveAgreement(
  partnerId: string,
  agreementId: string | undefined,
  handlers: Handlers = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<AgreementBody>) =>
      call(
        agreementId
          ? client.PATCH('/api/agreements/{id}', { params: { path: { id: agreementId } }, body })
          : client.POST('/api/partners/{id}/agreements', {
              params: { path: { id: partnerId } },
              body: body as AgreementBody,
            }),
      ),
    onMutate: handlers.onMutate,
    onError: handlers.onError,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.partners });
      handlers.onSuccess?.();
    },
  });
}
