import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { SEMINAR_REFETCH_MS, type Seminar } from '../../seminars/types';
import { CheckInDesk } from './check-in';
import { RegistrationList } from './registration-list';
import { SeminarForm } from './seminar-form';

/** The seminar, kept fresh by `seminar.updated` and, without a live connection, by a slower poll. */
function useSeminar(id: string) {
  return useQuery({
    queryKey: keys.seminar(id),
    queryFn: () => call(client.GET('/api/seminars/{id}', { params: { path: { id } } })),
    refetchInterval: SEMINAR_REFETCH_MS,
  });
}

function Back({ id }: { id?: string }) {
  const { t } = useI18n();
  return (
    <p>
      <Link to={id ? `/seminars/${id}` : '/seminars'}>
        ← {id ? t('common.back') : t('seminars.title')}
      </Link>
    </p>
  );
}

/** Organisers: a new seminar (`id` absent) or the changes to one. */
export function SeminarFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const seminar = useQuery({
    ...{
      queryKey: keys.seminar(id ?? ''),
      queryFn: () => call(client.GET('/api/seminars/{id}', { params: { path: { id: id ?? '' } } })),
    },
    enabled: id !== undefined,
  });
  return (
    <main>
      <Back id={id} />
      {id ? (
        <QueryLoaded query={seminar}>
          {(current) => (
            <>
              <h1>{t('seminars.form.editTitle', { title: current.title })}</h1>
              <SeminarForm seminar={current} />
            </>
          )}
        </QueryLoaded>
      ) : (
        <>
          <h1>{t('seminars.new')}</h1>
          <SeminarForm />
        </>
      )}
    </main>
  );
}

/** An organiser's page about one seminar: its title in `titleKey`, then what `children` draws. */
function SeminarSubPage({
  id,
  titleKey,
  children,
}: {
  id: string;
  titleKey: 'seminars.registrationsOf' | 'seminars.checkInOf';
  children: (seminar: Seminar) => React.ReactNode;
}) {
  const { t } = useI18n();
  const seminar = useSeminar(id);
  return (
    <main>
      <Back id={id} />
      <QueryLoaded query={seminar}>
        {(current) => (
          <>
            <h1>{t(titleKey, { title: current.title })}</h1>
            {children(current)}
          </>
        )}
      </QueryLoaded>
    </main>
  );
}

export function SeminarRegistrationsPage({ id }: { id: string }) {
  return (
    <SeminarSubPage id={id} titleKey="seminars.registrationsOf">
      {(seminar) => <RegistrationList seminar={seminar} />}
    </SeminarSubPage>
  );
}

export function SeminarCheckInPage({ id }: { id: string }) {
  return (
    <SeminarSubPage id={id} titleKey="seminars.checkInOf">
      {(seminar) => <CheckInDesk seminar={seminar} />}
    </SeminarSubPage>
  );
}
