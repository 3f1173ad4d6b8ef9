import { useI18n, type MessageKey } from '../../../i18n';
import { Field } from '../../../ui';

/** One text, number or date-time input of the form, with its label, hint and the API's messages. */
export function TextField({
  id,
  label,
  type = 'text',
  hint,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: MessageKey;
  type?: string;
  hint?: MessageKey;
  value: string;
  errors: string[] | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t(label)} hint={hint && t(hint)} errors={errors}>
      <input
        id={id}
        type={type}
        value={value}
        min={type === 'number' ? 0 : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
