import { useState } from 'react';
import type { CompanyActivities, Membership } from '../../api';
import { useI18n } from '../../i18n';
import { MessageLink } from '../../message-link';
import { QueryLoaded } from '../../queries';
import { ActingFor } from '../session/acting-for';
import { RequestForm } from '../session/request-form';
import { useActivities } from './use-profile';

/** Sessions in which requests flow (SPEC: open, scheduled and live). */
const REQUESTS_FLOW = new Set(['open', 'scheduled', 'live']);

/**
 * What the viewer may do with the firm: write to it, and request a meeting in each session both
 * firms take part in while requests flow, as one of the viewer's verified companies.
 */
export function RequestMeeting({
  other,
  otherActivities,
  companies,
}: {
  other: { id: string; name: string };
  otherActivities: CompanyActivities;
  companies: Membership[];
}) {
  const { t } = useI18n();
  const mine = companies.filter(
    (company) => company.status === 'verified' && company.companyId !== other.id,
  );
  const [companyId, setCompanyId] = useState(mine[0]?.companyId ?? '');
  const own = useActivities(companyId, companyId !== '');
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="profile-actions">
      <h2 id="profile-actions">{t('profile.actions')}</h2>
      {mine.length > 1 && <ActingFor companies={mine} value={companyId} onChange={setCompanyId} />}
      <p>
        <MessageLink from={companyId} to={other} />
      </p>
      <QueryLoaded query={own}>
        {(ours) => {
          const joined = new Set(ours.sessions.map((session) => session.id));
          const shared = otherActivities.sessions.filter(
            (session) => joined.has(session.id) && REQUESTS_FLOW.has(session.status),
          );
          return shared.length === 0 ? (
            <p className="muted">{t('profile.noSharedSession', { name: other.name })}</p>
          ) : (
            <ul className="plain">
              {shared.map((session) => (
                <li key={`${companyId}-${session.id}`} className="request">
                  <div>{t('profile.inSession', { title: session.title })}</div>
                  <RequestForm
                    sessionId={session.id}
                    fromCompanyId={companyId}
                    to={other}
                    label={t('profile.requestIn', { name: other.name, title: session.title })}
                  />
                </li>
              ))}
            </ul>
          );
        }}
      </QueryLoaded>
    </section>
  );
}
