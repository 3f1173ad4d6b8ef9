import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../../../api';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import { keys, QueryLoaded } from '../../../queries';
import { ErrorBox } from '../../../ui';
import { SEMINAR_REFETCH_MS, type Seminar } from '../../seminars/types';

/** Everyone registered or waiting, with who is in, and the attendance as CSV. */
export function RegistrationList({ seminar }: { seminar: Seminar }) {
  const { t, dateTime } = useI18n();
  const names = useNames();
  const [failed, setFailed] = useState<unknown>(null);
  const registrations = useQuery({
    queryKey: keys.seminarRegistrations(seminar.id),
    queryFn: () =>
      call(
        client.GET('/api/seminars/{id}/registrations', {
          params: { path: { id: seminar.id } },
        }),
      ),
    refetchInterval: SEMINAR_REFETCH_MS,
  });
  const exportCsv = () => {
    setFailed(null);
    download(
      client.GET('/api/seminars/{id}/attendance.csv', {
        params: { path: { id: seminar.id } },
        parseAs: 'blob',
      }),
      `attendance-${seminar.id}.csv`,
    ).catch(setFailed);
  };
  return (
    <>
      <p>
        {t('seminars.counts', {
          registered: seminar.registeredCount,
          capacity: seminar.capacity,
          waitlisted: seminar.waitlistedCount,
        })}
      </p>
      <div className="toolbar">
        <button type="button" className="secondary" onClick={exportCsv}>
          {t('seminars.exportCsv')}
        </button>
      </div>
      {failed !== null && <ErrorBox error={failed} />}
      <QueryLoaded query={registrations}>
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('seminars.noRegistrations')}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('seminars.col.name')}</th>
                    <th scope="col">{t('seminars.col.company')}</th>
                    <th scope="col">{t('seminars.col.status')}</th>
                    <th scope="col">{t('seminars.col.checkedIn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>{row.userName}</td>
                      <td>
                        {row.companyName} ({names.country(row.companyCountry)})
                      </td>
                      <td>
                        {t(`seminars.status.${row.status}`)}
                        {row.waitlistPosition !== null && ` #${row.waitlistPosition}`}
                      </td>
                      <td>{row.checkedInAt ? dateTime(row.checkedInAt) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryLoaded>
    </>
  );
}
