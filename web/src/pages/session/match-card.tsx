import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Match, type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { countryName } from '../../names';
import { reasonWords } from '../../reasons';
import { keys } from '../../queries';
import { ErrorBox } from '../../ui';
import { PreferenceChoice } from './preference-choice';

/** One match: who, how well, why, the firm's wish, and a meeting request with an optional message. */
export function MatchCard({
  sessionId,
  company,
  match,
  asked,
}: {
  sessionId: string;
  company: Membership;
  match: Match;
  asked: boolean;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const fieldId = `message-${match.company.id}`;
  const send = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/sessions/{id}/requests', {
          params: { path: { id: sessionId } },
          body: {
            fromCompanyId: company.companyId,
            toCompanyId: match.company.id,
            ...(message.trim() ? { message: message.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({
        queryKey: keys.requests(sessionId, company.companyId),
      });
    },
  });

  return (
    <li className="card match">
      <div className="match-head">
        <strong>{match.company.name}</strong>
        <span className="score" aria-label={t('matches.score', { score: match.score })}>
          {Math.round(match.score)}
        </span>
      </div>
      <div className="muted">
        {match.company.city}, {countryName(match.company.country, language)}
      </div>
      <ul className="reasons">
        {match.reasons
          .filter((reason) => reason.value > 0)
          .map((reason) => (
            <li key={reason.component}>{reasonWords(reason, i18n)}</li>
          ))}
      </ul>
      <PreferenceChoice sessionId={sessionId} company={company} match={match} />
      {send.isSuccess || asked ? (
        <p className="notice ok">{t('matches.requested')}</p>
      ) : open ? (
        <div className="request-form">
          <label htmlFor={fieldId}>{t('matches.message')}</label>
          <textarea
            id={fieldId}
            rows={2}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          {send.isError && <ErrorBox error={send.error} />}
          <div className="actions">
            <button
              type="button"
              aria-label={t('matches.sendNamed', { name: match.company.name })}
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
      ) : (
        <button
          type="button"
          aria-label={t('matches.requestNamed', { name: match.company.name })}
          onClick={() => setOpen(true)}
        >
          {t('matches.request')}
        </button>
      )}
    </li>
  );
}
