import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import type { LiveSocket } from '../../live';
import { useFieldErrors, useFocusFirstInvalid } from '../../form-errors';
import { ErrorBox, Field } from '../../ui';

const MAX_LENGTH = 500;

/** An organiser's broadcast to everyone in the session's live room (socket.io `announce`). */
export function AnnounceForm({
  sessionId,
  socket,
}: {
  sessionId: string;
  socket: LiveSocket | null;
}) {
  const { t, when } = useI18n();
  const [text, setText] = useState('');
  const [sentAt, setSentAt] = useState<string | null>(null);
  const announce = useMutation({
    mutationFn: ({ live, message }: { live: LiveSocket; message: string }) =>
      new Promise<string>((resolve, reject) =>
        live.timeout(10_000).emit('announce', { sessionId, text: message }, (timedOut, ack) => {
          if (timedOut) return reject(new ApiError(0, 'network'));
          if (!ack.ok) {
            const { statusCode, message: reason, fields: byField } = ack.error;
            return reject(new ApiError(statusCode, reason, undefined, byField));
          }
          resolve(ack.announcement.at);
        }),
      ),
    onMutate: () => setSentAt(null),
    onSuccess: (at) => {
      setText('');
      setSentAt(at);
    },
  });
  const busy = announce.isPending;
  const error = announce.error;
  const fields = useFieldErrors(error);
  const formRef = useFocusFirstInvalid(error);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (socket) announce.mutate({ live: socket, message: text });
  };

  return (
    <section aria-labelledby="announce">
      <h2 id="announce">{t('org.announce.title')}</h2>
      <form ref={formRef} onSubmit={send}>
        <Field
          id="announcement"
          label={t('org.announce.text')}
          hint={t('org.announce.hint', { max: MAX_LENGTH })}
          errors={fields.text}
        >
          <textarea
            id="announcement"
            rows={2}
            maxLength={MAX_LENGTH}
            value={text}
            aria-describedby="announcement-hint"
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        {error && !fields.text && <ErrorBox error={error} />}
        <div className="actions">
          <button type="submit" disabled={busy || !socket || text.trim() === ''}>
            {t('org.announce.send')}
          </button>
          {sentAt && (
            <span className="notice ok" role="status">
              {t('org.announce.sent', { time: when(sentAt) })}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
