import { ConfirmButton } from '../../../confirm';
import { useI18n } from '../../../i18n';
import { ErrorBox } from '../../../ui';
import { NEXT_STATUSES, type OrganiserSessionDetail, type SessionStatus } from '../types';
import { useSessionMove } from './use-organiser-session';

/**
 * The moves the lifecycle allows from the session's status (open, scheduled, live, closed). Going
 * live and closing say what they do and ask first (closing asks for the session's title); a move
 * to live or closed can be taken back for 24 hours, while no meeting was held since.
 */
export function Lifecycle({ detail }: { detail: OrganiserSessionDetail }) {
  const { t } = useI18n();
  const move = useSessionMove(detail.id);
  const next = NEXT_STATUSES[detail.status];
  const button = (status: SessionStatus) => {
    if (status === 'closed') {
      return (
        <ConfirmButton
          key={status}
          label={t('org.session.moveTo.closed')}
          className="secondary"
          title={t('org.session.closeTitle', { title: detail.title })}
          question={<p>{t('org.session.closeQuestion', { count: detail.participantCount })}</p>}
          confirmLabel={t('org.session.closeConfirm')}
          typeToConfirm={detail.title}
          busy={move.isPending}
          onConfirm={() => move.mutate(status)}
        />
      );
    }
    if (status === 'live') {
      return (
        <ConfirmButton
          key={status}
          label={t('org.session.moveTo.live')}
          title={t('org.session.liveTitle', { title: detail.title })}
          question={<p>{t('org.session.liveQuestion', { count: detail.participantCount })}</p>}
          confirmLabel={t('org.session.liveConfirm')}
          busy={move.isPending}
          onConfirm={() => move.mutate(status)}
        />
      );
    }
    return (
      <button
        key={status}
        type="button"
        disabled={move.isPending}
        onClick={() => move.mutate(status)}
      >
        {t(`org.session.moveTo.${status}`)}
      </button>
    );
  };
  return (
    <section aria-labelledby="lifecycle">
      <h2 id="lifecycle">{t('org.session.lifecycle')}</h2>
      <UndoMove detail={detail} busy={move.isPending} onUndo={(status) => move.mutate(status)} />
      {next.length === 0 ? (
        <p className="muted">{t('org.session.final')}</p>
      ) : (
        <div className="actions">{next.map(button)}</div>
      )}
      {move.isError && <ErrorBox error={move.error} />}
    </section>
  );
}

/** "Undo close" or "Back to open", with until when it is possible. */
function UndoMove({
  detail,
  busy,
  onUndo,
}: {
  detail: OrganiserSessionDetail;
  busy: boolean;
  onUndo: (status: SessionStatus) => void;
}) {
  const { t, dateTime } = useI18n();
  const back = detail.previousStatus;
  if (!detail.undoUntil || !back) return null;
  return (
    <div className="notice">
      <p>
        {t(detail.status === 'closed' ? 'org.session.undoCloseHelp' : 'org.session.undoLiveHelp', {
          time: dateTime(detail.undoUntil),
        })}
      </p>
      <button type="button" disabled={busy} onClick={() => onUndo(back)}>
        {detail.status === 'closed' ? t('org.session.undoClose') : t(`org.session.backTo.${back}`)}
      </button>
    </div>
  );
}
