import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useFormErrors } from '../../form-errors';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorBox, Field } from '../../ui';
import { instantOf } from '../../zoned-time';
import type { DelegationDetail } from '../delegations';
import { ITINERARY_KINDS, type ItineraryKind } from '../../../../src/delegations/delegation.wire';

/** Organisers add an itinerary item; times are the delegation's local time. */
export function ItineraryItemForm({
  delegation,
  onAdded,
}: {
  delegation: DelegationDetail;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const blank = () => ({
    kind: 'seminar',
    title: '',
    location: '',
    startsAt: `${delegation.startsOn}T09:00`,
    endsAt: `${delegation.startsOn}T10:00`,
  });
  const [form, setForm] = useState(blank);
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (item: ReturnType<typeof blank>) =>
      call(
        client.POST('/api/delegations/{id}/itinerary', {
          params: { path: { id: delegation.id } },
          body: {
            // The API checks the kind and says so by the field.
            kind: item.kind as ItineraryKind,
            title: item.title,
            ...(item.location.trim() ? { location: item.location.trim() } : {}),
            startsAt: instantOf(item.startsAt, delegation.timezone),
            endsAt: instantOf(item.endsAt, delegation.timezone),
          },
        }),
      ),
    onMutate: () => {
      setError(null);
      setAdded(null);
    },
    onSuccess: (_, item) => {
      setAdded(item.title);
      setForm(blank());
      onAdded();
    },
    onError: setError,
  });
  const busy = add.isPending;
  const change = (key: keyof ReturnType<typeof blank>, value: string) => {
    setForm({ ...form, [key]: value });
    edited(key);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(form);
  };

  const text = (key: 'title' | 'location', label: MessageKey) => (
    <Field id={`item-${key}`} label={t(label)} errors={fields[key]}>
      <input
        id={`item-${key}`}
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );
  const when = (key: 'startsAt' | 'endsAt', label: MessageKey) => (
    <Field id={`item-${key}`} label={t(label)} errors={fields[key]}>
      <input
        id={`item-${key}`}
        type="datetime-local"
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );

  return (
    <form ref={formRef} className="subform" onSubmit={submit} noValidate>
      <h3>{t('itinerary.add')}</h3>
      <p className="muted">
        {t('itinerary.zoneHint', { zone: delegation.timezone, city: delegation.city })}
      </p>
      {added && (
        <p className="notice ok" role="status">
          {t('itinerary.added', { title: added })}
        </p>
      )}
      <Field id="item-kind" label={t('itinerary.kind')} errors={fields.kind}>
        <select
          id="item-kind"
          value={form.kind}
          onChange={(event) => change('kind', event.target.value)}
        >
          {ITINERARY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`itinerary.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {text('title', 'itinerary.title')}
      {text('location', 'itinerary.location')}
      <div className="row">
        {when('startsAt', 'itinerary.startsAt')}
        {when('endsAt', 'itinerary.endsAt')}
      </div>
      {general !== null && <ErrorBox error={general} />}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('itinerary.submit')}
      </button>
    </form>
  );
}
