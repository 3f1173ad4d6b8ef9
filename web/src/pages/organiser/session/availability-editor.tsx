import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { useFieldErrors, useFocusFirstInvalid } from '../../../form-errors';
import { ErrorBox, FieldMessages } from '../../../ui';
import { instantOf, knownZone, wallClock } from '../../../zoned-time';
import { useUpdateAvailability, type Window } from './use-participants';

/**
 * A participant's availability as windows of wall-clock times in the session's zone (none: the
 * whole session), saved whole.
 */
export function AvailabilityEditor({
  sessionId,
  companyId,
  companyName,
  availability,
  timezone,
  onDone,
}: {
  sessionId: string;
  companyId: string;
  companyName: string;
  availability: Window[];
  timezone: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const zone = knownZone(timezone);
  const [rows, setRows] = useState(() =>
    availability.map((window) => ({
      from: wallClock(window.from, zone),
      to: wallClock(window.to, zone),
    })),
  );
  const save = useUpdateAvailability(sessionId, companyId);
  const fields = useFieldErrors(save.error);
  const formRef = useFocusFirstInvalid(save.error);
  const set = (index: number, end: 'from' | 'to', value: string) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, [end]: value } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      rows.map((row) => ({ from: instantOf(row.from, zone), to: instantOf(row.to, zone) })),
      { onSuccess: onDone },
    );
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={t('org.participants.availabilityOf', { name: companyName })}
    >
      <p className="muted">{t('org.participants.availabilityHelp', { zone })}</p>
      {rows.length === 0 && <p>{t('org.participants.wholeSession')}</p>}
      {rows.map((row, index) => (
        <fieldset key={index} className="window">
          <legend>{t('org.participants.window', { index: index + 1 })}</legend>
          <label>
            {t('org.participants.from')}
            <input
              type="datetime-local"
              value={row.from}
              onChange={(event) => set(index, 'from', event.target.value)}
            />
          </label>
          <label>
            {t('org.participants.to')}
            <input
              type="datetime-local"
              value={row.to}
              onChange={(event) => set(index, 'to', event.target.value)}
            />
          </label>
          <button
            type="button"
            className="link"
            onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
          >
            {t('org.participants.removeWindow', { index: index + 1 })}
          </button>
        </fieldset>
      ))}
      <FieldMessages messages={fields.availability} />
      {save.error && Object.keys(fields).length === 0 && <ErrorBox error={save.error} />}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setRows((current) => [...current, { from: '', to: '' }])}
        >
          {t('org.participants.addWindow')}
        </button>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('org.participants.saveAvailability')}
        </button>
        <button type="button" className="link" onClick={onDone}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
