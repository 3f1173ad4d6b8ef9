import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type Page } from '../../api';
import { keys, QueryLoaded } from '../../queries';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../../i18n';
import { useNavigate } from 'react-router';
import { ErrorBox, Field, fieldErrors } from '../../ui';
import { WEIGHT_NAMES, type Delegation, type SessionSettings, type WeightName } from './types';
import { instantOf, knownZone, timeZones, wallClock } from '../../zoned-time';

/** Country codes from `HK, MO` or `HK MO`. */
const countryCodes = (text: string) =>
  text
    .split(/[\s,，;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code.length > 0);

/** The API's name for a form field. */
const apiField = (key: string) =>
  key === 'sideA' || key === 'sideB' ? 'sides' : key === 'draft' ? 'status' : key;

const wholeNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

type TextKey =
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'requestDeadline'
  | 'slotMinutes'
  | 'breakMinutes'
  | 'maxMeetingsPerCompany'
  | 'tables'
  | 'sideA'
  | 'sideB'
  | 'delegationId';

type FormState = Record<TextKey, string> & {
  mode: 'video' | 'in-person';
  timezone: string;
  crossBorderOnly: boolean;
  draft: boolean;
  weights: Record<WeightName, string>;
};

function initialForm(session?: SessionSettings): FormState {
  const timezone = session?.timezone ?? VIEWER_ZONE;
  const wall = (iso: string | undefined) => (iso ? wallClock(iso, knownZone(timezone)) : '');
  return {
    title: session?.title ?? '',
    description: session?.description ?? '',
    mode: session?.mode ?? 'video',
    timezone,
    startsAt: wall(session?.startsAt),
    endsAt: wall(session?.endsAt),
    requestDeadline: wall(session?.requestDeadline),
    slotMinutes: String(session?.slotMinutes ?? 20),
    breakMinutes: String(session?.breakMinutes ?? 5),
    maxMeetingsPerCompany: String(session?.maxMeetingsPerCompany ?? 8),
    tables: session?.tables == null ? '' : String(session.tables),
    crossBorderOnly: session?.crossBorderOnly ?? true,
    sideA: session?.sides?.[0].join(', ') ?? '',
    sideB: session?.sides?.[1].join(', ') ?? '',
    delegationId: session?.delegationId ?? '',
    draft: false,
    weights: Object.fromEntries(
      WEIGHT_NAMES.map((name) => [name, session ? String(session.weights[name]) : '']),
    ) as Record<WeightName, string>,
  };
}

function requestBody(form: FormState, creating: boolean): Record<string, unknown> {
  const sideA = countryCodes(form.sideA);
  const sideB = countryCodes(form.sideB);
  const weights = Object.fromEntries(
    WEIGHT_NAMES.filter((name) => form.weights[name].trim() !== '').map((name) => [
      name,
      Number(form.weights[name]),
    ]),
  );
  return {
    title: form.title,
    description: form.description,
    mode: form.mode,
    timezone: form.timezone,
    startsAt: instantOf(form.startsAt, knownZone(form.timezone)),
    endsAt: instantOf(form.endsAt, knownZone(form.timezone)),
    requestDeadline: instantOf(form.requestDeadline, knownZone(form.timezone)),
    slotMinutes: wholeNumber(form.slotMinutes),
    breakMinutes: wholeNumber(form.breakMinutes) ?? 0,
    maxMeetingsPerCompany: wholeNumber(form.maxMeetingsPerCompany),
    tables: wholeNumber(form.tables) ?? null,
    crossBorderOnly: form.crossBorderOnly,
    sides: sideA.length + sideB.length > 0 ? [sideA, sideB] : null,
    delegationId: form.delegationId || null,
    ...(Object.keys(weights).length > 0 ? { weights } : {}),
    ...(creating ? { status: form.draft ? 'draft' : 'open' } : {}),
  };
}

/** Creates a session (no `session`) or edits one: every field the API takes. */
export function SessionForm({ session }: { session?: SessionSettings }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const creating = !session;
  const [form, setForm] = useState(() => initialForm(session));
  const delegations = useQuery({
    queryKey: keys.delegationList('pageSize=100'),
    queryFn: () => api<Page<Delegation>>('GET', '/delegations?pageSize=100'),
  });
  // A field's messages go once it is edited; the others stay until the next answer.
  const [edited, setEdited] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: (body: object) =>
      api<SessionSettings>(
        creating ? 'POST' : 'PATCH',
        creating ? '/sessions' : `/sessions/${session.id}`,
        body,
      ),
    onMutate: () => setEdited([]),
    onSuccess: (saved) => {
      // The sessions load afresh rather than showing what they were before the change.
      queryClient.removeQueries({ queryKey: keys.sessions });
      void navigate(`/organise/sessions/${saved.id}`);
    },
  });
  const busy = save.isPending;
  const error = save.error;

  const allFields = fieldErrors(error);
  const fields = Object.fromEntries(
    Object.entries(allFields).filter(([field]) => !edited.includes(field)),
  );
  const set = (patch: Partial<FormState>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setEdited((previous) => [...previous, ...Object.keys(patch).map(apiField)]);
  };

  const input = (key: TextKey, label: MessageKey, type = 'text', hint?: MessageKey): ReactNode => (
    <Field
      id={key}
      label={t(label)}
      hint={hint && t(hint)}
      errors={key === 'sideB' ? undefined : fields[apiField(key)]}
    >
      <input
        id={key}
        type={type}
        value={form[key]}
        min={type === 'number' ? 0 : undefined}
        aria-describedby={hint ? `${key}-hint` : undefined}
        onChange={(event) => set({ [key]: event.target.value })}
      />
    </Field>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(requestBody(form, creating));
  };

  return (
    <form onSubmit={submit} noValidate className="session-form">
      {input('title', 'org.form.title')}
      <Field id="description" label={t('org.form.description')} errors={fields.description}>
        <textarea
          id="description"
          rows={3}
          value={form.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </Field>
      <div className="row">
        <Field id="mode" label={t('org.form.mode')} errors={fields.mode}>
          <select
            id="mode"
            value={form.mode}
            onChange={(event) => set({ mode: event.target.value as FormState['mode'] })}
          >
            <option value="video">{t('sessions.mode.video')}</option>
            <option value="in-person">{t('sessions.mode.in-person')}</option>
          </select>
        </Field>
        <Field
          id="timezone"
          label={t('org.form.timezone')}
          hint={t('org.form.timezoneHint')}
          errors={fields.timezone}
        >
          <select
            id="timezone"
            value={form.timezone}
            aria-describedby="timezone-hint"
            onChange={(event) => set({ timezone: event.target.value })}
          >
            {timeZones(form.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
      </div>
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
          {input('sideA', 'org.form.sideA')}
          {input('sideB', 'org.form.sideB')}
        </div>
      </fieldset>
      <QueryLoaded query={delegations}>
        {(page) => (
          <Field id="delegationId" label={t('org.form.delegation')} errors={fields.delegationId}>
            <select
              id="delegationId"
              value={form.delegationId}
              onChange={(event) => set({ delegationId: event.target.value })}
            >
              <option value="">{t('org.form.noDelegation')}</option>
              {page.items.map((delegation) => (
                <option key={delegation.id} value={delegation.id}>
                  {delegation.title}
                </option>
              ))}
            </select>
          </Field>
        )}
      </QueryLoaded>
      <fieldset className={fields.weights ? 'invalid' : undefined}>
        <legend>{t('org.form.weights')}</legend>
        <small>{t('org.form.weightsHint')}</small>
        <div className="row">
          {WEIGHT_NAMES.map((name) => (
            <Field key={name} id={`weight-${name}`} label={t(`org.weight.${name}`)}>
              <input
                id={`weight-${name}`}
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={form.weights[name]}
                onChange={(event) =>
                  set({ weights: { ...form.weights, [name]: event.target.value } })
                }
              />
            </Field>
          ))}
        </div>
        {fields.weights?.map((message) => (
          <small key={message} className="field-error" role="alert">
            {message}
          </small>
        ))}
      </fieldset>
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
      {fields.status?.map((message) => (
        <small key={message} className="field-error" role="alert">
          {message}
        </small>
      ))}
      {error && Object.keys(allFields).length === 0 && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t(creating ? 'org.form.create' : 'org.form.save')}
      </button>
    </form>
  );
}
