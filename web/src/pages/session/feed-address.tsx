import { useState } from 'react';
import { useI18n } from '../../i18n';

/** The calendar feed's address to copy, and a `webcal://` link that opens a calendar app. */
export function FeedAddress({ address }: { address: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refusal): the address is selected to copy by hand.
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="feed">
      <label htmlFor="feed-url">{t('feed.address')}</label>
      <div className="copy-row">
        <input id="feed-url" readOnly value={address} onFocus={(event) => event.target.select()} />
        <button type="button" className="secondary" onClick={() => void copy()}>
          {copied ? t('feed.copied') : t('feed.copy')}
        </button>
      </div>
      <small>{t('feed.hint')}</small>
      <a href={address.replace(/^https?:/, 'webcal:')}>{t('feed.open')}</a>
    </div>
  );
}
