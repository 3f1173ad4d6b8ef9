import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import type { PresenceUser } from '../../live';
import { useErrorText } from '../../ui';
import type { RoomPresence } from './room-presence';

function PresenceEntries({ users }: { users: PresenceUser[] }) {
  const names = useNames();
  return (
    <ul className="plain presence">
      {users.map((user) => (
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
  );
}

/**
 * Who is in the room: the count, the people of the firms the user meets, and on request the
 * whole room page by page (a room may hold thousands), following arrivals and departures. While
 * the connection is down, no page is asked for: it would reach the server before the room is
 * joined again, and be refused.
 */
export function PresenceList({
  presence,
  load,
  connected,
}: {
  presence: RoomPresence;
  load: (first: boolean) => Promise<void>;
  connected: boolean;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = (first: boolean) => {
    setPending(true);
    setError(null);
    load(first).then(
      () => setPending(false),
      (failure: unknown) => {
        setPending(false);
        setError(failure);
      },
    );
  };

  return (
    <section aria-labelledby="presence">
      <h2 id="presence">{t('live.online', { count: presence.count })}</h2>
      {presence.partnerCompanyIds.length > 0 && (
        <>
          <h3>{t('live.partners')}</h3>
          {presence.partners.length === 0 ? (
            <p className="muted">{t('live.noPartners')}</p>
          ) : (
            <PresenceEntries users={presence.partners} />
          )}
        </>
      )}
      {presence.count === 0 ? (
        <p className="muted">{t('live.nobody')}</p>
      ) : (
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('live.hideEveryone') : t('live.showEveryone')}
        </button>
      )}
      {open && presence.count > 0 && (
        <div>
          {presence.stale && (
            <p className="notice" role="status">
              {t('live.presenceChanged')}{' '}
              <button type="button" disabled={pending || !connected} onClick={() => run(true)}>
                {t('live.refreshPresence')}
              </button>
            </p>
          )}
          <PresenceEntries users={presence.everyone} />
          {presence.next !== null && (
            <button type="button" disabled={pending || !connected} onClick={() => run(false)}>
              {t('live.morePresence')}
            </button>
          )}
          {error !== null && (
            <p className="error" role="alert">
              {t('live.presenceFailed', { message: errorText(error) })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
