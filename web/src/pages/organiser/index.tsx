import { api } from '../../api';
import { useI18n } from '../../i18n';
import { Link } from 'react-router';
import { Loaded, useLoad } from '../../ui';
import { EDITABLE_STATES } from './session';
import { SessionForm } from './session-form';
import type { OrganiserSessionDetail } from './types';

export { CompaniesPage } from './companies';
export { OrganiserHome } from './home';
export { ImportPage } from './import';
export { ReportPage } from './report';
export { ScheduleBoardPage } from './schedule';
export { OrganiserSessionPage } from './session';

/** The organisers' screens (routes.tsx), one chunk loaded when an organiser first opens one. */

export function NewSessionPage() {
  const { t } = useI18n();
  return (
    <main>
      <h1>{t('org.home.newSession')}</h1>
      <SessionForm />
    </main>
  );
}

export function EditSessionPage({ id }: { id: string }) {
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
