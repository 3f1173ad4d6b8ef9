import { ConfirmButton } from '../../confirm';
import { useI18n, VIEWER_ZONE } from '../../i18n';
import { zoneName } from '../../zoned-time';
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
  const { t, dateTime, when, language } = useI18n();
  const local = delegation.timezone !== VIEWER_ZONE;
  return (
    <li>
      <time dateTime={item.startsAt}>
        {dateTime(item.startsAt)}–{when(item.endsAt, undefined, item.startsAt)}
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
            // With their dates when the place's day is not the viewer's.
            start: when(item.startsAt, delegation.timezone, item.startsAt),
            end: when(item.endsAt, delegation.timezone, item.startsAt),
            zone: zoneName(delegation.timezone, language),
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
