import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import type { PresenceUser } from '../../live';

/** Who is in the room, with the companies they speak for. */
export function PresenceList({ presence }: { presence: PresenceUser[] }) {
  const { t } = useI18n();
  const names = useNames();
  return (
    <section aria-labelledby="presence">
      <h2 id="presence">{t('live.online', { count: presence.length })}</h2>
      {presence.length === 0 ? (
        <p className="muted">{t('live.nobody')}</p>
      ) : (
        <ul className="plain presence">
          {presence.map((user) => (
            <li key={user.userId}>
              <span className="dot" aria-hidden="true" /> {user.name}
              {user.companies.length > 0 && (
                <span className="muted">
                  {' '}
                  ·{' '}
                  {user.companies
                    .map((company) => `${company.name} (${names.country(company.country)})`)
                    .join(', ')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
