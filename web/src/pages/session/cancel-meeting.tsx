import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type AgendaItem } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';

/** Either firm may cancel a meeting that has not begun; a second click confirms. */
export function CancelMeeting({
  item,
  onCancelled,
}: {
  item: AgendaItem;
  onCancelled: () => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () =>
      call(
        client.PATCH('/api/meetings/{id}', {
          params: { path: { id: item.id } },
          body: { status: 'cancelled' },
        }),
      ),
    onSuccess: onCancelled,
  });
  // After success the buttons stay disabled until the agenda shows the meeting cancelled.
  const busy = cancel.isPending || cancel.isSuccess;
  return (
    <div className="actions">
      {confirming ? (
        <>
          <span>{t('meeting.confirmCancel', { name: item.other.name })}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => cancel.mutate()}>
            {busy ? t('common.saving') : t('meeting.yesCancel')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('meeting.keep')}
          </button>
        </>
      ) : (
        <button type="button" className="secondary small" onClick={() => setConfirming(true)}>
          {t('meeting.cancel')}
        </button>
      )}
      {cancel.isError && <ErrorBox error={cancel.error} />}
    </div>
  );
}
