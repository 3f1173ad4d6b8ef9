import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { ConfirmButton } from '../../confirm';
import { useI18n } from '../../i18n';
import { keys } from '../../queries';
import { ErrorBox } from '../../ui';
import { CheckInQr } from './check-in-qr';
import type { SeminarDetail } from './types';

/**
 * The viewer's seat: register for one of their verified companies, see the status (with the
 * place on the waitlist), withdraw (asked first), and once seated the QR code to show at the door.
 */
export function RegistrationPanel({
  seminar,
  companies,
}: {
  seminar: SeminarDetail;
  companies: Membership[];
}) {
  const { t, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const verified = companies.filter((company) => company.status === 'verified');
  const [companyId, setCompanyId] = useState(verified[0]?.companyId ?? '');
  const act = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.seminars }),
  });
  const mine = seminar.myRegistration;
  // The moment the page opened: the server refuses changes after the start in any case.
  const [openedAt] = useState(() => Date.now());
  const started = Date.parse(seminar.startsAt) <= openedAt;
  const seated = mine && mine.status !== 'withdrawn';

  return (
    <section className="registration" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('seminars.yourSeat')}</h2>
      {seated ? (
        <>
          <p>
            <span className={`badge ${mine.status}`}>{t(`seminars.status.${mine.status}`)}</span>{' '}
            {mine.status === 'waitlisted' && mine.waitlistPosition !== null
              ? t('seminars.waitlistPosition', { position: mine.waitlistPosition })
              : t('seminars.seatFor', { company: mine.companyName })}
          </p>
          {mine.status === 'registered' && mine.checkInCode && (
            <>
              {mine.checkedInAt ? (
                <p>{t('seminars.checkedInAt', { time: dateTime(mine.checkedInAt) })}</p>
              ) : (
                <p className="muted">{t('seminars.showAtDoor')}</p>
              )}
              <CheckInQr code={mine.checkInCode} />
            </>
          )}
          {!started && (
            <ConfirmButton
              label={act.isPending ? t('common.saving') : t('seminars.withdraw')}
              className="secondary"
              title={t('seminars.withdrawTitle')}
              question={
                <p>
                  {t(
                    mine.status === 'registered'
                      ? 'seminars.withdrawSeated'
                      : 'seminars.withdrawWaiting',
                    { title: seminar.title },
                  )}
                </p>
              }
              confirmLabel={t('seminars.withdrawConfirm')}
              busy={act.isPending}
              onConfirm={() =>
                act.mutate(() =>
                  call(
                    client.PATCH('/api/seminars/{id}/registrations/{registrationId}', {
                      params: { path: { id: seminar.id, registrationId: mine.id } },
                      body: { status: 'withdrawn' },
                    }),
                  ),
                )
              }
            />
          )}
        </>
      ) : started ? (
        <p className="muted">{t('seminars.startedNoRegistration')}</p>
      ) : verified.length === 0 ? (
        <p className="muted">{t('seminars.needVerified')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            act.mutate(() =>
              call(
                client.POST('/api/seminars/{id}/registrations', {
                  params: { path: { id: seminar.id } },
                  body: { companyId },
                }),
              ),
            );
          }}
        >
          {verified.length > 1 && (
            <div className="field">
              <label htmlFor="seminar-company">{t('seminars.forCompany')}</label>
              <select
                id="seminar-company"
                value={companyId}
                onChange={(event) => setCompanyId(event.target.value)}
              >
                {verified.map((company) => (
                  <option key={company.companyId} value={company.companyId}>
                    {company.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {seminar.seatsLeft === 0 && <p className="muted">{t('seminars.fullHint')}</p>}
          <button type="submit" disabled={act.isPending}>
            {act.isPending
              ? t('common.saving')
              : t(seminar.seatsLeft === 0 ? 'seminars.joinWaitlist' : 'seminars.register', {
                  company: verified.find((company) => company.companyId === companyId)?.name ?? '',
                })}
          </button>
        </form>
      )}
      {act.error && <ErrorBox error={act.error} />}
    </section>
  );
}
