import { Link } from 'react-router';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { QueryLoaded } from '../../queries';
import { Activities } from './activities';
import { LocalTime } from './local-time';
import { ProfileFacts } from './profile-facts';
import { RequestMeeting } from './request-meeting';
import { useActivities, useCompany } from './use-profile';

/**
 * A firm's profile (`/companies/:id`): who it is and what it looks for, its time now, the
 * sessions and delegations it takes part in, and a meeting request in a session both firms share.
 */
export function ProfilePage({ id, companies }: { id: string; companies: Membership[] }) {
  const { t } = useI18n();
  const names = useNames();
  const company = useCompany(id);
  const activities = useActivities(id);
  return (
    <main>
      <Link to="/directory">← {t('nav.directory')}</Link>
      <QueryLoaded query={company}>
        {(profile) => (
          <>
            <h1>{profile.name}</h1>
            <p className="muted">
              {profile.city}, {names.country(profile.country)}
            </p>
            <LocalTime zone={profile.timezone} />
            {profile.website && (
              <p>
                <a href={profile.website} rel="noreferrer noopener" target="_blank">
                  {profile.website}
                </a>
              </p>
            )}
            {profile.description && <p>{profile.description}</p>}
            <ProfileFacts company={profile} />
            <QueryLoaded query={activities}>
              {(list) => (
                <>
                  <RequestMeeting other={profile} otherActivities={list} companies={companies} />
                  <Activities activities={list} />
                </>
              )}
            </QueryLoaded>
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
