import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { Seats } from './seats';
import type { Delegation } from './types';
import { useCalendarDate } from './use-calendar-date';

/** One delegation in the list: title, direction, seats, route and dates. */
export function DelegationCard({ delegation }: { delegation: Delegation }) {
  const { t } = useI18n();
  const names = useNames();
  const date = useCalendarDate();
  return (
    <li className="card delegation">
      <h2>
        <Link to={`/delegations/${delegation.id}`}>{delegation.title}</Link>
      </h2>
      <div>
        <span className="badge">{t(`delegations.direction.${delegation.direction}`)}</span>{' '}
        <Seats delegation={delegation} />
      </div>
      <p className="muted">
        {t('delegations.route', {
          origin: names.country(delegation.originCountry),
          destination: names.country(delegation.destinationCountry),
          city: delegation.city,
        })}
        <br />
        {t('delegations.dates', {
          start: date(delegation.startsOn),
          end: date(delegation.endsOn),
        })}
      </p>
    </li>
  );
}
