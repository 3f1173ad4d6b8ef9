import { ConfirmButton } from '../../confirm';
import { useI18n, VIEWER_ZONE } from '../../i18n';
import type { DelegationDetail, ItineraryItem } from './types';

/** One item of the programme, with the city's local time when it differs; a remove button for organisers. */
export function ItineraryEntry({
  item,
  delegation,
  removing,
  onRemove,
}: {
  item: ItineraryItem;
  delegation: DelegationDetail;
  removing: boolean;
  onRemove?: () => void;
}) {
  const { t, dateTime, time } = useI18n();
  const local = delegation.timezone !== VIEWER_ZONE;
  return (
    <li>
      <time dateTime={item.startsAt}>
        {dateTime(item.startsAt)}–{time(item.endsAt)}
      </time>
      <div>
        <span className="badge">{t(`itinerary.kind.${item.kind}`)}</span>{' '}
        <strong>{item.title}</strong>
      </div>
      {item.location && <div>{item.location}</div>}
      {local && (
        <div className="muted">
          {t('delegations.localTime', {
            city: delegation.city,
            start: time(item.startsAt, delegation.timezone),
            end: time(item.endsAt, delegation.timezone),
            zone: delegation.timezone,
          })}
        </div>
      )}
      {onRemove && (
        <ConfirmButton
          label={removing ? t('common.saving') : t('delegations.removeItem', { title: item.title })}
          className="secondary small"
          title={t('delegations.removeItemTitle', { title: item.title })}
          question={<p>{t('delegations.removeItemQuestion', { title: item.title })}</p>}
          confirmLabel={t('delegations.removeItemConfirm')}
          busy={removing}
          onConfirm={onRemove}
        />
      )}
    </li>
  );
}
