import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WireSessionFollowUps } from '../../../../../src/follow-ups/follow-ups.wire';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useFieldErrors } from '../../../form-errors';
import { useI18n } from '../../../i18n';
import { countryName } from '../../../names';
import { keys, QueryLoaded } from '../../../queries';
import { ErrorBox } from '../../../ui';
import { FollowUpMonthsFieldset } from '../session-form/follow-up-months';
import type { SessionSettings } from '../types';

const followUpsKey = (id: string) => [...keys.session(id), 'follow-ups'] as const;

/**
 * Follow-ups of a session whose settings the form no longer edits (scheduled, live, closed): the
 * months, which may still change (after the close, the surveys not sent yet follow them), and,
 * once closed, each firm's surveys: when due, whether sent and answered.
 */
export function FollowUpsPanel({ detail }: { detail: SessionSettings }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [months, setMonths] = useState<number[]>(detail.followUpMonths);
  const save = useMutation({
    mutationFn: (followUpMonths: number[]) =>
      call(
        client.PATCH('/api/sessions/{id}', {
          params: { path: { id: detail.id } },
          body: { followUpMonths },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.session(detail.id) });
    },
  });
  const fields = useFieldErrors(save.error);
  const closed = detail.status === 'closed';
  return (
    <section className="follow-ups-panel">
      <h2>{t('followUps.panel.title')}</h2>
      <FollowUpMonthsFieldset
        months={months}
        errors={fields.followUpMonths}
        onChange={(next) => {
          save.reset();
          setMonths(next);
        }}
      />
      {save.error && !fields.followUpMonths && <ErrorBox error={save.error} />}
      {save.isSuccess && <p role="status">{t('followUps.panel.saved')}</p>}
      <button type="button" disabled={save.isPending} onClick={() => save.mutate(months)}>
        {save.isPending ? t('common.saving') : t('followUps.panel.save')}
      </button>
      {closed && <SurveyTable sessionId={detail.id} />}
    </section>
  );
}

function SurveyTable({ sessionId }: { sessionId: string }) {
  const { t, language, dateTime } = useI18n();
  const query = useQuery({
    queryKey: followUpsKey(sessionId),
    queryFn: async (): Promise<WireSessionFollowUps> =>
      call(client.GET('/api/sessions/{id}/follow-ups', { params: { path: { id: sessionId } } })),
  });
  return (
    <QueryLoaded query={query}>
      {(status) =>
        status.surveys.length === 0 ? (
          <p>{t('followUps.panel.none')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('followUps.panel.firm')}</th>
                  <th scope="col">{t('followUps.panel.after')}</th>
                  <th scope="col">{t('followUps.panel.due')}</th>
                  <th scope="col">{t('followUps.panel.sent')}</th>
                  <th scope="col">{t('followUps.panel.answered')}</th>
                </tr>
              </thead>
              <tbody>
                {status.surveys.map((survey) => (
                  <tr key={survey.id}>
                    <td>
                      {survey.company.name} ({countryName(survey.company.country, language)})
                    </td>
                    <td>{t('followUps.form.month', { months: survey.months })}</td>
                    <td>{dateTime(survey.dueAt)}</td>
                    <td>{survey.sentAt ? dateTime(survey.sentAt) : t('followUps.panel.notYet')}</td>
                    <td>
                      {survey.answeredAt
                        ? dateTime(survey.answeredAt)
                        : t('followUps.panel.notYet')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryLoaded>
  );
}
