import { useI18n } from '../../../i18n';
import { ErrorBox } from '../../../ui';
import { NEXT_STATUSES, type OrganiserSessionDetail } from '../types';
import { useSessionMove } from './use-organiser-session';

/** The moves the lifecycle allows from the session's status (open, scheduled, live, closed). */
export function Lifecycle({ detail }: { detail: OrganiserSessionDetail }) {
  const { t } = useI18n();
  const move = useSessionMove(detail.id);
  const next = NEXT_STATUSES[detail.status];
  return (
    <section aria-labelledby="lifecycle">
      <h2 id="lifecycle">{t('org.session.lifecycle')}</h2>
      {next.length === 0 ? (
        <p className="muted">{t('org.session.final')}</p>
      ) : (
        <div className="actions">
          {next.map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'closed' ? 'secondary' : undefined}
              disabled={move.isPending}
              onClick={() => move.mutate(status)}
            >
              {t(`org.session.moveTo.${status}`)}
            </button>
          ))}
        </div>
      )}
      {move.isError && <ErrorBox error={move.error} />}
    </section>
  );
}
