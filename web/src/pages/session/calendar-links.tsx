import { useMutation } from '@tanstack/react-query';
import { download, type Membership } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { FeedAddress } from './feed-address';

/** The agenda as a file (bearer token: fetched as a blob) and as a feed to subscribe to. */
export function CalendarLinks({ sessionId, company }: { sessionId: string; company: Membership }) {
  const { t } = useI18n();
  const params = { path: { id: sessionId }, query: { companyId: company.companyId } };
  // Each clears the other's error: only the last thing tried says what went wrong.
  const file = useMutation({
    mutationFn: () =>
      download(
        client.GET('/api/sessions/{id}/agenda.ics', { params, parseAs: 'blob' }),
        'agenda.ics',
      ),
    onMutate: (): void => feed.reset(),
  });
  const feed = useMutation({
    mutationFn: async () => {
      const { url } = await call(client.GET('/api/sessions/{id}/agenda/feed', { params }));
      return new URL(url, location.origin).href;
    },
    onMutate: (): void => file.reset(),
  });
  const error = file.error ?? feed.error;

  return (
    <div className="calendar-links">
      <a
        href={`/api/sessions/${sessionId}/agenda.ics?companyId=${company.companyId}`}
        onClick={(event) => {
          event.preventDefault();
          file.mutate();
        }}
      >
        {t('agenda.download')}
      </a>{' '}
      {feed.data === undefined ? (
        <button
          type="button"
          className="secondary small"
          disabled={feed.isPending}
          onClick={() => feed.mutate()}
        >
          {feed.isPending ? t('common.loading') : t('feed.subscribe')}
        </button>
      ) : (
        <FeedAddress address={feed.data} />
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
