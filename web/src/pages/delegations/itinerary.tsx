import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../../api';
import { useI18n, VIEWER_ZONE } from '../../i18n';
import { ErrorBox } from '../../ui';
import { ItineraryItemForm } from '../delegation-form';
import { ItineraryEntry } from './itinerary-entry';
import type { DelegationDetail, ItineraryItem } from './types';

/** The delegation's programme in the viewer's time zone, as a file too; organisers edit it. */
export function Itinerary({
  delegation,
  organiser,
  onChange,
}: {
  delegation: DelegationDetail;
  organiser: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [calendarError, setCalendarError] = useState<unknown>(null);
  const remove = useMutation({
    mutationFn: (item: ItineraryItem) =>
      api('DELETE', `/delegations/${delegation.id}/itinerary/${item.id}`),
    onMutate: () => setCalendarError(null),
    onSuccess: onChange,
  });
  const busy = remove.isPending ? remove.variables.id : null;
  const error = remove.isError ? remove.error : calendarError;
  const calendar = async () => {
    remove.reset();
    setCalendarError(null);
    try {
      await download(`/delegations/${delegation.id}/itinerary.ics`, 'itinerary.ics');
    } catch (caught) {
      setCalendarError(caught);
    }
  };

  return (
    <section aria-labelledby="itinerary">
      <h2 id="itinerary">{t('delegations.itinerary')}</h2>
      <p className="muted">{t('delegations.itineraryZone', { zone: VIEWER_ZONE })}</p>
      {delegation.itinerary.length === 0 ? (
        <p className="muted">{t('delegations.noItinerary')}</p>
      ) : (
        <ol className="plain itinerary">
          {delegation.itinerary.map((item) => (
            <ItineraryEntry
              key={item.id}
              item={item}
              delegation={delegation}
              removing={busy === item.id}
              onRemove={organiser ? () => remove.mutate(item) : undefined}
            />
          ))}
        </ol>
      )}
      <a
        href={`/api/delegations/${delegation.id}/itinerary.ics`}
        onClick={(event) => {
          event.preventDefault();
          void calendar();
        }}
      >
        {t('delegations.downloadItinerary')}
      </a>
      {error !== null && <ErrorBox error={error} />}
      {organiser && <ItineraryItemForm delegation={delegation} onAdded={onChange} />}
    </section>
  );
}
