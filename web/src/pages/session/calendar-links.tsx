import { useState } from 'react';
import { api, download, type Membership } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';

/** The agenda as a file (bearer token: fetched as a blob) and as a feed to subscribe to. */
export function CalendarLinks({ sessionId, company }: { sessionId: string; company: Membership }) {
  const base = `/sessions/${sessionId}`;
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [feed, setFeed] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [copied, setCopied] = useState(false);

  const calendar = async () => {
    setError(null);
    try {
      await download(`${base}/agenda.ics?companyId=${company.companyId}`, 'agenda.ics');
    } catch (caught) {
      setError(caught);
    }
  };
  const subscribe = async () => {
    setError(null);
    setLoading(true);
    try {
      const { url } = await api<{ url: string }>(
        'GET',
        `${base}/agenda/feed?companyId=${company.companyId}`,
      );
      setFeed(new URL(url, location.origin).href);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };
  const copy = async (address: string) => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refusal): the address is selected to copy by hand.
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="calendar-links">
      <a
        href={`/api${base}/agenda.ics?companyId=${company.companyId}`}
        onClick={(event) => {
          event.preventDefault();
          void calendar();
        }}
      >
        {t('agenda.download')}
      </a>{' '}
      {feed === null && (
        <button
          type="button"
          className="secondary small"
          disabled={loading}
          onClick={() => void subscribe()}
        >
          {loading ? t('common.loading') : t('feed.subscribe')}
        </button>
      )}
      {feed !== null && (
        <div className="feed">
          <label htmlFor="feed-url">{t('feed.address')}</label>
          <div className="copy-row">
            <input id="feed-url" readOnly value={feed} onFocus={(event) => event.target.select()} />
            <button type="button" className="secondary" onClick={() => void copy(feed)}>
              {copied ? t('feed.copied') : t('feed.copy')}
            </button>
          </div>
          <small>{t('feed.hint')}</small>
          <a href={feed.replace(/^https?:/, 'webcal:')}>{t('feed.open')}</a>
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
