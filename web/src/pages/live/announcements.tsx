import { useI18n } from '../../i18n';
import type { Announcement } from '../../live';

/** The organisers' announcements, newest first. */
export function Announcements({ announcements }: { announcements: Announcement[] }) {
  const { t, when } = useI18n();
  return (
    <section aria-labelledby="announcements">
      <h2 id="announcements">{t('live.announcements')}</h2>
      {announcements.length === 0 ? (
        <p className="muted">{t('live.noAnnouncements')}</p>
      ) : (
        <ul className="plain announcements" aria-live="polite">
          {announcements.map((announcement) => (
            <li key={`${announcement.at}-${announcement.text}`}>
              <div>{announcement.text}</div>
              <small className="muted">
                {announcement.from.name} · {when(announcement.at)}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
