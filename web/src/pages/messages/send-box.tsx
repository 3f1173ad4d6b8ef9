import { useState } from 'react';
import { useFormErrors } from '../../form-errors';
import { useI18n } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { MESSAGE_MAX } from './use-messages';

/**
 * The box a message is written in: 1 to 2,000 characters, with how many are used; a refusal of
 * the API is worded by the field it names, and anything else shown as a whole.
 */
export function SendBox({
  id,
  to,
  onSend,
}: {
  id: string;
  /** The other firm's name, for the button's accessible name. */
  to: string;
  onSend: (text: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const length = [...text.trim()].length;
  const submit = async () => {
    setSending(true);
    try {
      await onSend(text.trim());
      setText('');
      setError(null);
    } catch (error) {
      setError(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <form
      ref={formRef}
      className="send-box"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field
        id={id}
        label={t('messages.write')}
        hint={t('messages.counter', { count: length, max: MESSAGE_MAX })}
        errors={fields.text}
      >
        <textarea
          id={id}
          rows={3}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            edited('text');
          }}
          onKeyDown={(event) => {
            // Ctrl or ⌘ with Enter sends, as in most chat boxes; Enter alone is a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (length > 0 && !sending) void submit();
            }
          }}
        />
      </Field>
      {general !== null && <ErrorBox error={general} />}
      <div className="actions">
        <button
          type="submit"
          aria-label={t('messages.sendTo', { name: to })}
          disabled={sending || length === 0 || length > MESSAGE_MAX}
        >
          {sending ? t('messages.sending') : t('messages.send')}
        </button>
      </div>
    </form>
  );
}
