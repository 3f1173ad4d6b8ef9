import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { Seats } from './seats';
import type { DelegationDetail } from './types';
import { useCalendarDate } from './use-calendar-date';

/** The delegation's title, direction, seats, route, dates, leader and description. */
export function DelegationHeader({ delegation }: { delegation: DelegationDetail }) {
  const { t } = useI18n();
  const names = useNames();
  const date = useCalendarDate();
  return (
    <>
      <h1>{delegation.title}</h1>
      <div>
        <span className="badge">{t(`delegations.direction.${delegation.direction}`)}</span>{' '}
        <Seats delegation={delegation} />
      </div>
      <p>
        {t('delegations.route', {
          origin: names.country(delegation.originCountry),
          destination: names.country(delegation.destinationCountry),
          city: delegation.city,
        })}{' '}
        ·{' '}
        {t('delegations.dates', {
          start: date(delegation.startsOn),
          end: date(delegation.endsOn),
        })}
      </p>
      <p className="muted">
        {t('delegations.leader', { leader: delegation.leader })} ·{' '}
        {t('delegations.zone', { zone: delegation.timezone })}
      </p>
      {delegation.partner && (
        <p className="muted">
          {t('partners.heldUnderPartner', {
            name: delegation.partner.name,
            country: names.country(delegation.partner.country),
          })}
        </p>
      )}
      {delegation.description && <p>{delegation.description}</p>}
    </>
  );
}
