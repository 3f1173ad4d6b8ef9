import { api } from '../../api';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { Loaded, useLoad } from '../../ui';
import { CompaniesPage } from './companies';
import { OrganiserHome } from './home';
import { ImportPage } from './import';
import { ReportPage } from './report';
import { ScheduleBoardPage } from './schedule';
import { EDITABLE_STATES, OrganiserSessionPage } from './session';
import { SessionForm } from './session-form';
import type { OrganiserSessionDetail } from './types';

const SESSION = /^\/organise\/sessions\/([0-9a-f-]{36})(?:\/(edit|schedule|report))?$/;

/** The organisers' screens under `/organise`, loaded when an organiser first opens one. */
export default function OrganiserPages({ path }: { path: string }) {
  const { t } = useI18n();
  if (path === '/organise/companies') return <CompaniesPage />;
  if (path === '/organise/import') return <ImportPage />;
  if (path === '/organise/sessions/new')
    return (
      <main>
        <h1>{t('org.home.newSession')}</h1>
        <SessionForm />
      </main>
    );
  const session = SESSION.exec(path);
  if (session?.[2] === 'edit') return <EditSession id={session[1]} />;
  if (session?.[2] === 'schedule') return <ScheduleBoardPage id={session[1]} />;
  if (session?.[2] === 'report') return <ReportPage id={session[1]} />;
  if (session) return <OrganiserSessionPage id={session[1]} />;
  if (path === '/organise' || path === '/') return <OrganiserHome />;
  return <p>{t('common.notFound')}</p>;
}

function EditSession({ id }: { id: string }) {
  const { t } = useI18n();
  const [session, reload] = useLoad(
    () => api<OrganiserSessionDetail>('GET', `/sessions/${id}`),
    [id],
  );
  return (
    <main>
      <p>
        <Link to={`/organise/sessions/${id}`}>← {t('org.session.back')}</Link>
      </p>
      <h1>{t('org.session.edit')}</h1>
      <Loaded load={session} reload={reload}>
        {(detail) =>
          EDITABLE_STATES.includes(detail.status) ? (
            <SessionForm session={detail} />
          ) : (
            <p className="notice">{t('org.session.notEditable')}</p>
          )
        }
      </Loaded>
    </main>
  );
}
