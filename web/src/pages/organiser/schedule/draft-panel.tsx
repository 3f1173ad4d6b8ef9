import { ConfirmButton } from '../../../confirm';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../i18n';
import { keys } from '../../../queries';
import { ErrorBox } from '../../../ui';
import { JobRunner } from '../job-runner';
import type { LiveSocket } from '../../../live';
import { ACTION_STATES, type OrganiserSessionDetail, type ScheduleDraft } from '../types';
import { useDiscardDraft, usePublishDraft } from './use-draft';

/**
 * The session's draft schedule: make one (asking first before the request deadline), what it
 * changes against the published schedule, whether the board shows it, and publishing it (saying
 * how many firms will be told) or discarding it, each asked first.
 */
export function DraftPanel({
  session,
  draft,
  showing,
  onShow,
  socket,
}: {
  session: OrganiserSessionDetail;
  draft: ScheduleDraft | null;
  showing: boolean;
  onShow: (show: boolean) => void;
  socket: LiveSocket | null;
}) {
  const { t, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const publish = usePublishDraft(session.id);
  const discard = useDiscardDraft(session.id);
  const busy = publish.isPending || discard.isPending;
  return (
    <section aria-labelledby="draft" className="card">
      <h2 id="draft">{t('org.draft.title')}</h2>
      <JobRunner
        name="draft"
        sessionId={session.id}
        socket={socket}
        disabled={!ACTION_STATES.schedule.includes(session.status) || busy}
        requestDeadline={session.requestDeadline}
        onFinished={() => {
          void queryClient.invalidateQueries({ queryKey: keys.draft(session.id) });
          onShow(true);
        }}
      />
      {publish.isSuccess && (
        <p className="notice ok" role="status">
          {t('org.draft.published', { count: publish.data.firmsTold })}
        </p>
      )}
      {draft === null ? (
        !publish.isSuccess && <p className="muted">{t('org.draft.none')}</p>
      ) : (
        <>
          <p>
            {t('org.draft.made', { time: dateTime(draft.createdAt) })}{' '}
            {t('org.draft.changes', {
              added: draft.changes.added.length,
              moved: draft.changes.moved.length,
              removed: draft.changes.removed.length,
            })}
          </p>
          {draft.stale && (
            <p className="notice" role="status">
              {t('org.draft.stale')}
            </p>
          )}
          <label className="choice">
            <input
              type="checkbox"
              checked={showing}
              onChange={(event) => onShow(event.target.checked)}
            />
            {t('org.draft.show')}
          </label>
          <div className="actions">
            <ConfirmButton
              label={t('org.draft.publish')}
              className=""
              question={t('org.draft.publishConfirm', { count: draft.firmsToTell })}
              confirmLabel={t('org.draft.confirmPublish')}
              cancelLabel={t('org.draft.notYet')}
              busy={busy || draft.stale}
              onConfirm={() => publish.mutate(draft.draftId, { onSuccess: () => onShow(false) })}
            />
            <ConfirmButton
              label={t('org.draft.discard')}
              question={t('org.draft.discardConfirm')}
              confirmLabel={t('org.draft.confirmDiscard')}
              cancelLabel={t('org.draft.keep')}
              busy={busy}
              onConfirm={() => discard.mutate(undefined, { onSuccess: () => onShow(false) })}
            />
          </div>
        </>
      )}
      {publish.isError && <ErrorBox error={publish.error} />}
      {discard.isError && <ErrorBox error={discard.error} />}
    </section>
  );
}
