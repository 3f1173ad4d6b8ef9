import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { useFieldErrors, useFocusFirstInvalid } from '../../../form-errors';
import { ErrorBox, Field, FieldMessages } from '../../../ui';
import { isWeightName, type SessionSettings } from '../types';
import { HeldUnder } from '../../partners/held-under';
import { DelegationSelect } from './delegation-select';
import { apiField, initialForm, requestBody, type FormState, type TextKey } from './form-state';
import { ModeAndZone } from './mode-and-zone';
import { CountriesPicker } from '../../../pickers';
import { TextField } from './text-field';
import { useSaveSession } from './use-save-session';
import { WeightsFieldset } from './weights-fieldset';
import { FollowUpMonthsFieldset } from './follow-up-months';

/** Creates a session (no `session`) or edits one: every field the API takes. */
export function SessionForm({ session }: { session?: SessionSettings }) {
  const { t } = useI18n();
  const creating = !session;
  const [form, setForm] = useState(() => initialForm(session));
  // A field's messages go once it is edited; the others stay until the next answer.
  const [edited, setEdited] = useState<string[]>([]);
  const save = useSaveSession(session, () => setEdited([]));
  const busy = save.isPending;
  const error = save.error;

  const allFields = useFieldErrors(error, {
    // `weights.sector: must be 1 or less` is said as "Sector: Must be 1 or less."
    nestedLabel: (path) => {
      const name = /^weights\.(\w+)$/.exec(path)?.[1];
      return name && isWeightName(name) ? t(`org.weight.${name}`) : undefined;
    },
  });
  const formRef = useFocusFirstInvalid(error);
  const fields = Object.fromEntries(
    Object.entries(allFields).filter(([field]) => !edited.includes(field)),
  );
  const set = (patch: Partial<FormState>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setEdited((previous) => [...previous, ...Object.keys(patch).map(apiField)]);
  };

  const input = (key: TextKey, label: MessageKey, type = 'text', hint?: MessageKey): ReactNode => (
    <TextField
      id={key}
      label={label}
      type={type}
      hint={hint}
      value={form[key]}
      errors={fields[apiField(key)]}
      onChange={(value) => set({ [key]: value })}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(requestBody(form, creating));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="session-form">
      {input('title', 'org.form.title')}
      <Field id="description" label={t('org.form.description')} errors={fields.description}>
        <textarea
          id="description"
          rows={3}
          value={form.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </Field>
      <ModeAndZone form={form} fields={fields} set={set} />
      <div className="row">
        {input('startsAt', 'org.form.startsAt', 'datetime-local')}
        {input('endsAt', 'org.form.endsAt', 'datetime-local')}
        {input('requestDeadline', 'org.form.requestDeadline', 'datetime-local')}
      </div>
      <div className="row">
        {input('slotMinutes', 'org.form.slotMinutes', 'number')}
        {input('breakMinutes', 'org.form.breakMinutes', 'number')}
        {input('maxMeetingsPerCompany', 'org.form.maxMeetings', 'number')}
        {input('tables', 'org.form.tables', 'number', 'org.form.tablesHint')}
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={form.crossBorderOnly}
          onChange={(event) => set({ crossBorderOnly: event.target.checked })}
        />
        {t('org.form.crossBorderOnly')}
      </label>
      <fieldset>
        <legend>{t('org.form.sides')}</legend>
        <small>{t('org.form.sidesHint')}</small>
        <div className="row">
          {(['sideA', 'sideB'] as const).map((key) => (
            <Field
              key={key}
              id={key}
              label={t(key === 'sideA' ? 'org.form.sideA' : 'org.form.sideB')}
              // The API names both sides as one field: its words go under the first.
              errors={key === 'sideA' ? fields.sides : undefined}
            >
              <CountriesPicker
                id={key}
                values={form[key]}
                onChange={(codes) => set({ [key]: codes })}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <DelegationSelect
        value={form.delegationId}
        errors={fields.delegationId}
        onChange={(delegationId) => set({ delegationId })}
      />
      <HeldUnder
        idPrefix="session"
        partnerId={form.partnerId}
        agreementId={form.agreementId}
        errors={{ partnerId: fields.partnerId, agreementId: fields.agreementId }}
        onChange={(link) => set(link)}
      />
      <WeightsFieldset
        weights={form.weights}
        errors={fields.weights}
        onChange={(weights) => set({ weights })}
      />
      <FollowUpMonthsFieldset
        months={form.followUpMonths}
        errors={fields.followUpMonths}
        onChange={(followUpMonths) => set({ followUpMonths })}
      />
      {creating && (
        <label className="choice">
          <input
            type="checkbox"
            checked={form.draft}
            onChange={(event) => set({ draft: event.target.checked })}
          />
          {t('org.form.draft')}
        </label>
      )}
      <FieldMessages messages={fields.status} />
      {error && Object.keys(allFields).length === 0 && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t(creating ? 'org.form.create' : 'org.form.save')}
      </button>
    </form>
  );
}
