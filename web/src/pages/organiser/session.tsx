import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../../api';
import { useI18n, VIEWER_ZONE } from '../../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { AnnounceForm } from './announce';
import { JobRunner } from './job-runner';
import { useLiveSocket } from './live-socket';
import { Pager } from './pager';
import {
  ACTION_STATES,
  NEXT_STATUSES,
  type OrganiserSessionDetail,
  type Participant,
  type SessionStatus,
} from './types';

const SCORING_STATES = ACTION_STATES.score;
const SCHEDULING_STATES = ACTION_STATES.schedule;
export const EDITABLE_STATES = ACTION_STATES.edit;

/** One session as its organiser runs it: settings, lifecycle, scoring, scheduling, participants. */
export function OrganiserSessionPage({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: keys.session(id),
    queryFn: () => api<OrganiserSessionDetail>('GET', `/sessions/${id}`),
  });
  const socket = useLiveSocket();
  const [scheduled, setScheduled] = useState(false);
  const move = useMutation({
    mutationFn: (status: SessionStatus) =>
      api<OrganiserSessionDetail>('PATCH', `/sessions/${id}`, { status }),
    onSuccess: (moved) =>
      queryClient.setQueryData<OrganiserSessionDetail>(
        keys.session(id),
        (current) => current && { ...current, ...moved },
      ),
  });

  return (
    <main>
      <p>
        <Link to="/organise">← {t('org.home.title')}</Link>
      </p>
      <QueryLoaded query={session}>
        {(detail) => (
          <>
            <h1>{detail.title}</h1>
            <div>
              <span className={`badge ${detail.status}`}>
                {t(`sessions.status.${detail.status}`)}
              </span>{' '}
              <span className="badge">{t(`sessions.mode.${detail.mode}`)}</span>
            </div>
            {detail.description && <p>{detail.description}</p>}
            <dl className="facts">
              <dt>{t('org.session.when')}</dt>
              <dd>
                {t('session.when', {
                  start: dateTime(detail.startsAt),
                  end: dateTime(detail.endsAt),
                  zone: VIEWER_ZONE,
                })}
                {detail.timezone !== VIEWER_ZONE && (
                  <div className="muted">
                    {t('org.session.inZone', {
                      start: dateTime(detail.startsAt, detail.timezone),
                      end: dateTime(detail.endsAt, detail.timezone),
                      zone: detail.timezone,
                    })}
                  </div>
                )}
              </dd>
              <dt>{t('org.form.requestDeadline')}</dt>
              <dd>{dateTime(detail.requestDeadline)}</dd>
              <dt>{t('org.session.slots')}</dt>
              <dd>
                {t('org.session.slotsValue', {
                  count: detail.slots.length,
                  minutes: detail.slotMinutes,
                  pause: detail.breakMinutes,
                })}
              </dd>
              <dt>{t('org.form.maxMeetings')}</dt>
              <dd>{detail.maxMeetingsPerCompany}</dd>
              {detail.tables !== null && (
                <>
                  <dt>{t('org.form.tables')}</dt>
                  <dd>{detail.tables}</dd>
                </>
              )}
              {detail.sides && (
                <>
                  <dt>{t('org.form.sides')}</dt>
                  <dd>
                    {detail.sides[0].join(', ')} ↔ {detail.sides[1].join(', ')}
                  </dd>
                </>
              )}
              <dt>{t('org.form.crossBorderOnly')}</dt>
              <dd>{t(detail.crossBorderOnly ? 'org.yes' : 'org.no')}</dd>
            </dl>
            <nav className="actions" aria-label={t('org.session.pages')}>
              {EDITABLE_STATES.includes(detail.status) && (
                <Link to={`/organise/sessions/${id}/edit`}>{t('org.session.edit')}</Link>
              )}
              <Link to={`/organise/sessions/${id}/schedule`}>{t('org.board.title')}</Link>
              <Link to={`/organise/sessions/${id}/report`}>{t('org.report.title')}</Link>
              {detail.status !== 'draft' && (
                <Link to={`/sessions/${id}/live`}>{t('org.session.liveRoom')}</Link>
              )}
            </nav>

            <section aria-labelledby="lifecycle">
              <h2 id="lifecycle">{t('org.session.lifecycle')}</h2>
              {NEXT_STATUSES[detail.status].length === 0 ? (
                <p className="muted">{t('org.session.final')}</p>
              ) : (
                <div className="actions">
                  {NEXT_STATUSES[detail.status].map((status) => (
                    <button
                      key={status}
                      type="button"
                      className={status === 'closed' ? 'secondary' : undefined}
                      disabled={move.isPending}
                      onClick={() => move.mutate(status)}
                    >
                      {t(`org.session.moveTo.${status}`)}
                    </button>
                  ))}
                </div>
              )}
              {move.isError && <ErrorBox error={move.error} />}
            </section>

            <section aria-labelledby="jobs">
              <h2 id="jobs">{t('org.session.jobs')}</h2>
              <p className="muted">{t('org.session.jobsHint')}</p>
              <div className="columns">
                <JobRunner
                  name="scoring"
                  path={`/sessions/${id}/scoring`}
                  socket={socket}
                  disabled={!SCORING_STATES.includes(detail.status)}
                />
                <JobRunner
                  name="scheduling"
                  path={`/sessions/${id}/schedule`}
                  socket={socket}
                  disabled={!SCHEDULING_STATES.includes(detail.status)}
                  onFinished={() => {
                    setScheduled(true);
                    void queryClient.invalidateQueries({ queryKey: keys.session(id), exact: true });
                  }}
                />
              </div>
              {scheduled && (
                <p className="notice ok">
                  <Link to={`/organise/sessions/${id}/schedule`}>{t('org.session.seeBoard')}</Link>
                </p>
              )}
            </section>

            {detail.status !== 'draft' && detail.status !== 'closed' && (
              <AnnounceForm sessionId={id} socket={socket} />
            )}

            <Participants id={id} count={detail.participantCount} />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}

function Participants({ id, count }: { id: string; count: number }) {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(1);
  const participants = useQuery({
    queryKey: keys.participants(id, page),
    queryFn: () =>
      api<Page<Participant>>('GET', `/sessions/${id}/participants?page=${page}&pageSize=50`),
  });
  return (
    <section aria-labelledby="participants">
      <h2 id="participants">{t('org.participants.title', { count })}</h2>
      <QueryLoaded query={participants}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="muted">{t('org.participants.none')}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('company.name')}</th>
                      <th scope="col">{t('org.companies.country')}</th>
                      <th scope="col">{t('company.city')}</th>
                      <th scope="col">{t('company.sectors')}</th>
                      <th scope="col">{t('org.participants.joined')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((participant) => (
                      <tr key={participant.companyId}>
                        <td>{participant.name}</td>
                        <td>{participant.country}</td>
                        <td>{participant.city}</td>
                        <td>{participant.sectors.join(', ')}</td>
                        <td>{dateTime(participant.joinedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager {...list} onPage={setPage} />
            </>
          )
        }
      </QueryLoaded>
    </section>
  );
}
