import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { keys } from '../../queries';
import { postBody, postChanges, type PostForm } from './form-state';
import type { Opportunity } from './types';

/** Posts (none given) or saves the changes to a post, then opens it. */
export function useSaveOpportunity(
  post: Opportunity | undefined,
  organiser: boolean,
  handlers: { onMutate: () => void; onError: (error: unknown) => void },
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ form, initial }: { form: PostForm; initial: PostForm }) =>
      call(
        post
          ? client.PATCH('/api/opportunities/{id}', {
              params: { path: { id: post.id } },
              body: postChanges(form, initial, organiser),
            })
          : client.POST('/api/opportunities', { body: postBody(form, organiser) }),
      ),
    ...handlers,
    onSuccess: (saved) => {
      // The board loads afresh rather than showing what it was before the change.
      queryClient.removeQueries({ queryKey: keys.opportunities });
      void navigate(`/opportunities/${saved.id}`);
    },
  });
}
