import { useI18n } from '../../i18n';
import { Link } from 'react-router';
import { QueryLoaded } from '../../queries';
import { EDITABLE_STATES, useOrganiserSession } from './session';
import { SessionForm } from './session-form';

export { ActForPage } from './act-for';
export { CompaniesPage } from './companies';
export { OrganiserHome } from './home';
export { ImportPage } from './import';
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
  const session = useOrganiserSession(id);
  return (
    <main>
      <p>
        <Link to={`/organise/sessions/${id}`}>← {t('org.session.back')}</Link>
      </p>
      <h1>{t('org.session.edit')}</h1>
      <QueryLoaded query={session}>
        {(detail) =>
          EDITABLE_STATES.includes(detail.status) ? (
            <SessionForm session={detail} />
          ) : (
            <p className="notice">{t('org.session.notEditable')}</p>
          )
        }
      </QueryLoaded>
    </main>
  );
}
