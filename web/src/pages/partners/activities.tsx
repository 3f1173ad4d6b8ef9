import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import type { PartnerActivities } from './types';
import { usePartnerActivities } from './use-partners';

type Activity = PartnerActivities['items'][number];

/** Where an activity opens: the organisers' session page, the delegation's or the seminar's. */
function pathOf(activity: Activity): string {
  if (activity.kind === 'session') return `/organise/sessions/${activity.id}`;
  if (activity.kind === 'delegation') return `/delegations/${activity.id}`;
  return `/seminars/${activity.id}`;
}

/** The activities held under a partner economy, one year at a time (the years that have any). */
export function PartnerActivitiesSection({ partnerId }: { partnerId: string }) {
  const { t, date, dateTime } = useI18n();
  const [year, setYear] = useState<number | null>(null);
  const activities = usePartnerActivities(partnerId, year);
  return (
    <section>
      <h2>{t('partners.activities')}</h2>
      <QueryLoaded query={activities}>
        {(found) => {
          const years = [...new Set([found.year, ...found.years])].sort((a, b) => b - a);
          return (
            <>
              <div className="toolbar">
                <label htmlFor="partner-year">{t('partners.activities.year')}</label>
                <select
                  id="partner-year"
                  value={found.year}
                  onChange={(event) => setYear(Number(event.target.value))}
                >
                  {years.map((each) => (
                    <option key={each} value={each}>
                      {each}
                    </option>
                  ))}
                </select>
              </div>
              {found.items.length === 0 ? (
                <p>{t('partners.activities.none', { year: found.year })}</p>
              ) : (
                <ul className="activities">
                  {found.items.map((activity) => {
                    const path = pathOf(activity);
                    return (
                      <li key={`${activity.kind}-${activity.id}`}>
                        <span className="badge">{t(`partners.kind.${activity.kind}`)}</span>{' '}
                        <Link to={path}>{activity.title}</Link>{' '}
                        <span className="muted">
                          {activity.startsAt
                            ? dateTime(activity.startsAt)
                            : activity.startsOn
                              ? date(activity.startsOn)
                              : ''}
                          {activity.count !== null &&
                            ` · ${t(`partners.count.${activity.kind}`, { count: activity.count })}`}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          );
        }}
      </QueryLoaded>
    </section>
  );
}
