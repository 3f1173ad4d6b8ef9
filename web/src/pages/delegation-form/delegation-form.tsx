import { useState, type FormEvent } from 'react';
import { useFormErrors } from '../../form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { CountrySelect, ZoneSelect } from '../../pickers';
import type { Delegation } from '../delegations';
import { delegationBody, initialFields, type DelegationFields } from './delegation-fields';
import { useSaveDelegation } from './use-save-delegation';
import { HeldUnder } from '../partners/held-under';

/** A delegation's fields, created (none given) or saved, then its page opens. */
export function DelegationForm({ delegation }: { delegation?: Delegation }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => initialFields(delegation));
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const save = useSaveDelegation(delegation, { onMutate: () => setError(null), onError: setError });
  const busy = save.isPending;
  const change = (key: keyof DelegationFields, value: string) => {
    setForm({ ...form, [key]: value });
    edited(key);
  };

  const input = (
    key: keyof DelegationFields,
    label: MessageKey,
    extra: { type?: string; hint?: MessageKey } = {},
  ) => (
    <Field
      id={`delegation-${key}`}
      label={t(label)}
      hint={extra.hint ? t(extra.hint) : undefined}
      errors={fields[key]}
    >
      <input
        id={`delegation-${key}`}
        type={extra.type ?? 'text'}
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(delegationBody(form));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      {input('title', 'delegationForm.title')}
      <Field
        id="delegation-direction"
        label={t('delegationForm.direction')}
        errors={fields.direction}
      >
        <select
          id="delegation-direction"
          value={form.direction}
          onChange={(event) => change('direction', event.target.value)}
        >
          <option value="outbound">{t('delegations.direction.outbound')}</option>
          <option value="inbound">{t('delegations.direction.inbound')}</option>
        </select>
      </Field>
      <div className="row">
        {(['originCountry', 'destinationCountry'] as const).map((key) => (
          <Field
            key={key}
            id={`delegation-${key}`}
            label={t(
              key === 'originCountry' ? 'delegationForm.origin' : 'delegationForm.destination',
            )}
            errors={fields[key]}
          >
            <CountrySelect
              id={`delegation-${key}`}
              value={form[key]}
              onChange={(country) => change(key, country)}
            />
          </Field>
        ))}
      </div>
      <div className="row">
        {input('city', 'delegationForm.city')}
        {input('leader', 'delegationForm.leader')}
      </div>
      <div className="row">
        {input('startsOn', 'delegationForm.startsOn', { type: 'date' })}
        {input('endsOn', 'delegationForm.endsOn', { type: 'date' })}
      </div>
      <div className="row">
        <Field
          id="delegation-timezone"
          label={t('delegationForm.timezone')}
          hint={t('delegationForm.timezoneHint')}
          errors={fields.timezone}
        >
          <ZoneSelect
            id="delegation-timezone"
            value={form.timezone}
            onChange={(zone) => change('timezone', zone)}
          />
        </Field>
        {input('capacity', 'delegationForm.capacity', { type: 'number' })}
      </div>
      <Field
        id="delegation-description"
        label={t('delegationForm.description')}
        errors={fields.description}
      >
        <textarea
          id="delegation-description"
          rows={4}
          value={form.description}
          onChange={(event) => change('description', event.target.value)}
        />
      </Field>
      <HeldUnder
        idPrefix="delegation"
        partnerId={form.partnerId}
        agreementId={form.agreementId}
        errors={{ partnerId: fields.partnerId, agreementId: fields.agreementId }}
        onChange={(link) => {
          setForm({ ...form, ...link });
          edited('partnerId');
          edited('agreementId');
        }}
      />
      {general !== null && <ErrorBox error={general} />}
      <button type="submit" disabled={busy}>
        {busy
          ? t('common.saving')
          : delegation
            ? t('delegationForm.save')
            : t('delegationForm.create')}
      </button>
    </form>
  );
}
