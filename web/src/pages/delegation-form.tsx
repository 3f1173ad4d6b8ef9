import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../i18n';
import { Link, useNavigate } from 'react-router';
import { useFormErrors } from '../form-errors';
import { keys, QueryLoaded } from '../queries';
import { ErrorBox, Field } from '../ui';
import { TIME_ZONES } from './company';
import { instantOf } from '../zoned-time';
import type { Delegation, DelegationDetail } from './delegations';
import { ITINERARY_KINDS } from '../../../src/delegations/delegation.wire';

type DelegationFields = {
  title: string;
  direction: 'inbound' | 'outbound';
  originCountry: string;
  destinationCountry: string;
  city: string;
  leader: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  capacity: string;
  description: string;
};

function initialFields(delegation?: Delegation): DelegationFields {
  return {
    title: delegation?.title ?? '',
    direction: delegation?.direction ?? 'outbound',
    originCountry: delegation?.originCountry ?? '',
    destinationCountry: delegation?.destinationCountry ?? '',
    city: delegation?.city ?? '',
    leader: delegation?.leader ?? '',
    startsOn: delegation?.startsOn ?? '',
    endsOn: delegation?.endsOn ?? '',
    timezone: delegation?.timezone ?? VIEWER_ZONE,
    capacity: String(delegation?.capacity ?? 10),
    description: delegation?.description ?? '',
  };
}

/** Organisers: create a delegation (`id` absent) or edit one. */
export function DelegationFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const delegation = useQuery({
    queryKey: keys.delegation(id ?? ''),
    queryFn: () => api<DelegationDetail>('GET', `/delegations/${id}`),
    enabled: id !== undefined,
  });
  const page = (current?: DelegationDetail) => (
    <>
      <h1>
        {current ? t('delegationForm.editTitle', { title: current.title }) : t('delegations.new')}
      </h1>
      <DelegationForm delegation={current} />
    </>
  );
  return (
    <main>
      <Link to={id ? `/delegations/${id}` : '/delegations'}>
        ← {id ? t('common.back') : t('delegations.title')}
      </Link>
      {id ? <QueryLoaded query={delegation}>{page}</QueryLoaded> : page()}
    </main>
  );
}

function DelegationForm({ delegation }: { delegation?: Delegation }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const [form, setForm] = useState(() => initialFields(delegation));
  const { fields, general, setError, edited } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: object) =>
      delegation
        ? api<Delegation>('PATCH', `/delegations/${delegation.id}`, body)
        : api<Delegation>('POST', '/delegations', body),
    onMutate: () => setError(null),
    onSuccess: (saved) => {
      // The delegations load afresh rather than showing what they were before the change.
      queryClient.removeQueries({ queryKey: keys.delegations });
      void navigate(`/delegations/${saved.id}`);
    },
    onError: setError,
  });
  const busy = save.isPending;
  const change = (key: keyof DelegationFields, value: string) => {
    setForm({ ...form, [key]: value });
    edited(key);
  };

  const input = (
    key: keyof DelegationFields,
    label: MessageKey,
    extra: { type?: string; list?: string; hint?: MessageKey } = {},
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
        list={extra.list}
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const capacity = Number(form.capacity);
    save.mutate({
      ...form,
      originCountry: form.originCountry.trim().toUpperCase(),
      destinationCountry: form.destinationCountry.trim().toUpperCase(),
      // A number the API checks; text it cannot read goes as it is, so it says what is wrong.
      capacity: form.capacity.trim() !== '' && Number.isFinite(capacity) ? capacity : form.capacity,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
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
        {input('originCountry', 'delegationForm.origin')}
        {input('destinationCountry', 'delegationForm.destination')}
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
        {input('timezone', 'delegationForm.timezone', {
          list: 'delegation-zones',
          hint: 'delegationForm.timezoneHint',
        })}
        {input('capacity', 'delegationForm.capacity', { type: 'number' })}
      </div>
      <datalist id="delegation-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
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
  const { fields, general, setError, edited } = useFormErrors();
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (item: ReturnType<typeof blank>) =>
      api('POST', `/delegations/${delegation.id}/itinerary`, {
        kind: item.kind,
        title: item.title,
        ...(item.location.trim() ? { location: item.location.trim() } : {}),
        startsAt: instantOf(item.startsAt, delegation.timezone),
        endsAt: instantOf(item.endsAt, delegation.timezone),
      }),
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
    <form className="subform" onSubmit={submit} noValidate>
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
