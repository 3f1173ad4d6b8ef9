import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';
import { ErrorBox } from '../../ui';
import { MESSAGE_MAX } from '../messages/use-messages';
import { WindowChoice, type RequestWindow } from './request-window';

/**
 * A meeting request with an optional message and when it may take place (any time unless
 * chosen), from `fromCompanyId` to the other firm in one session: a button that opens the form,
 * then sends it. The firm's request lists are loaded
 * again once it is sent; a refusal (already asked, after the deadline) is shown by the form.
 */
export function RequestForm({
  sessionId,
  fromCompanyId,
  to,
  label,
}: {
  sessionId: string;
  fromCompanyId: string;
  to: { id: string; name: string };
  /** The opening button's accessible name ("Request a meeting with X in Y"). */
  label: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [within, setWithin] = useState<RequestWindow | null>(null);
  // The session's slots, for the window (cached by the session page; loaded on a profile).
  const session = useQuery({
    queryKey: keys.session(sessionId),
    queryFn: () => call(client.GET('/api/sessions/{id}', { params: { path: { id: sessionId } } })),
    enabled: open,
  });
  const fieldId = `message-${sessionId}-${to.id}`;
  const send = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/sessions/{id}/requests', {
          params: { path: { id: sessionId } },
          body: {
            fromCompanyId,
            toCompanyId: to.id,
            ...(message.trim() ? { message: message.trim() } : {}),
            ...(within ? { window: within } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: keys.requests(sessionId, fromCompanyId) });
      // The message started (or continued) the pair's conversation.
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
    },
  });

  if (send.isSuccess) return <p className="notice ok">{t('matches.requested')}</p>;
  if (!open) {
    return (
      <button type="button" aria-label={label} onClick={() => setOpen(true)}>
        {t('matches.request')}
      </button>
    );
  }
  return (
    <div className="request-form">
      <label htmlFor={fieldId}>{t('matches.message')}</label>
      <textarea
        id={fieldId}
        rows={2}
        value={message}
        maxLength={MESSAGE_MAX}
        aria-describedby={`${fieldId}-hint`}
        onChange={(event) => setMessage(event.target.value)}
      />
      <small id={`${fieldId}-hint`} className="muted">
        {t('matches.messageStarts', { name: to.name })}
      </small>
      {session.data && (
        <WindowChoice
          id={`window-${sessionId}-${to.id}`}
          session={session.data}
          value={within}
          onChange={setWithin}
        />
      )}
      {send.isError && <ErrorBox error={send.error} />}
      <div className="actions">
        <button
          type="button"
          aria-label={t('matches.sendNamed', { name: to.name })}
          onClick={() => send.mutate()}
          disabled={send.isPending}
        >
          {send.isPending ? t('common.saving') : t('matches.send')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('matches.cancel')}
        </button>
      </div>
    </div>
  );
}
