import { useMutation } from '@tanstack/react-query';
import { type AgendaItem } from '../../api';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { ConfirmButton } from '../../confirm';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';

/** Either firm may cancel a meeting that has not begun, after saying so and asking. */
export function CancelMeeting({
  item,
  onCancelled,
}: {
  item: AgendaItem;
  onCancelled: () => void;
}) {
  const { t } = useI18n();
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
      <ConfirmButton
        label={busy ? t('common.saving') : t('meeting.cancel')}
        className="secondary small"
        question={<p>{t('meeting.confirmCancel', { name: item.other.name })}</p>}
        confirmLabel={t('meeting.yesCancel')}
        cancelLabel={t('meeting.keep')}
        busy={busy}
        onConfirm={() => cancel.mutate()}
      />
      {cancel.isError && <ErrorBox error={cancel.error} />}
    </div>
  );
}
