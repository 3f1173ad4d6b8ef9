import { useMutation } from '@tanstack/react-query';
import { download } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
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
  const params = { path: { id: delegation.id } };
  // Each clears the other's error: only the last thing tried says what went wrong.
  const remove = useMutation({
    mutationFn: (item: ItineraryItem) =>
      call(
        client.DELETE('/api/delegations/{id}/itinerary/{itemId}', {
          params: { path: { id: delegation.id, itemId: item.id } },
        }),
      ),
    onMutate: (): void => calendar.reset(),
    onSuccess: onChange,
  });
  const calendar = useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/delegations/{id}/itinerary.ics', { params, parseAs: 'blob' }),
        'itinerary.ics',
      ),
    onMutate: (): void => remove.reset(),
  });
  const busy = remove.isPending ? remove.variables.id : null;
  const error = remove.error ?? calendar.error;

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
          calendar.mutate();
        }}
      >
        {t('delegations.downloadItinerary')}
      </a>
      {error !== null && <ErrorBox error={error} />}
      {organiser && <ItineraryItemForm delegation={delegation} onAdded={onChange} />}
    </section>
  );
}
