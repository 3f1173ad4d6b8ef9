import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import type { LiveSocket } from '../../live';
import { ErrorBox, Field, fieldErrors } from '../../ui';

const MAX_LENGTH = 500;

/** An organiser's broadcast to everyone in the session's live room (socket.io `announce`). */
export function AnnounceForm({
  sessionId,
  socket,
}: {
  sessionId: string;
  socket: LiveSocket | null;
}) {
  const { t, time } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentAt, setSentAt] = useState<string | null>(null);
  const fields = fieldErrors(error);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!socket) return;
    setBusy(true);
    setError(null);
    setSentAt(null);
    socket.timeout(10_000).emit('announce', { sessionId, text }, (timedOut, ack) => {
      setBusy(false);
      if (timedOut) return setError(new ApiError(0, 'network'));
      if (!ack.ok) {
        const { statusCode, message, fields: byField } = ack.error;
        return setError(new ApiError(statusCode, message, undefined, byField));
      }
      setText('');
      setSentAt(ack.announcement.at);
    });
  };

  return (
    <section aria-labelledby="announce">
      <h2 id="announce">{t('org.announce.title')}</h2>
      <form onSubmit={send}>
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
        {error !== null && !fields.text && <ErrorBox error={error} />}
        <div className="actions">
          <button type="submit" disabled={busy || !socket || text.trim() === ''}>
            {t('org.announce.send')}
          </button>
          {sentAt && (
            <span className="notice ok" role="status">
              {t('org.announce.sent', { time: time(sentAt) })}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
