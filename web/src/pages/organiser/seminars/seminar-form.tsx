import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useFormErrors } from '../../../form-errors';
import { useI18n, VIEWER_ZONE, type MessageKey } from '../../../i18n';
import { ZoneSelect } from '../../../pickers';
import { keys } from '../../../queries';
import { ErrorBox, Field } from '../../../ui';
import { instantOf, wallClock } from '../../../zoned-time';
import { SEMINAR_KINDS } from '../../../../../src/seminars/seminars.wire';
import type { Seminar } from '../../seminars/types';
import { HeldUnder } from '../../partners/held-under';

type SeminarBody = components['schemas']['CreateSeminarDto'];

interface Fields {
  title: string;
  kind: SeminarBody['kind'];
  /** Wall-clock times (`YYYY-MM-DDTHH:mm`) in `timezone`, as the inputs show them. */
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: string;
  videoUrl: string;
  capacity: string;
  description: string;
  /** The partner economy and agreement it is held under ('' for none). */
  partnerId: string;
  agreementId: string;
}

function initialFields(seminar?: Seminar): Fields {
  const timezone = seminar?.timezone ?? VIEWER_ZONE;
  return {
    title: seminar?.title ?? '',
    kind: seminar?.kind ?? 'seminar',
    startsAt: seminar ? wallClock(seminar.startsAt, timezone) : '',
    endsAt: seminar ? wallClock(seminar.endsAt, timezone) : '',
    timezone,
    venue: seminar?.venue ?? '',
    videoUrl: seminar?.videoUrl ?? '',
    capacity: String(seminar?.capacity ?? 50),
    description: seminar?.description ?? '',
    partnerId: seminar?.partnerId ?? '',
    agreementId: seminar?.agreementId ?? '',
  };
}

/** What is sent: times with their offset in the chosen zone; text the API cannot read as it is. */
function bodyOf(form: Fields): SeminarBody {
  const capacity = Number(form.capacity);
  const instant = (wall: string) => (wall ? instantOf(wall, form.timezone) : wall);
  return {
    ...form,
    startsAt: instant(form.startsAt),
    endsAt: instant(form.endsAt),
    venue: form.venue.trim() === '' ? null : form.venue,
    videoUrl: form.videoUrl.trim() === '' ? null : form.videoUrl,
    capacity: form.capacity.trim() !== '' && Number.isFinite(capacity) ? capacity : form.capacity,
    partnerId: form.partnerId || null,
    agreementId: form.agreementId || null,
  } as SeminarBody;
}

/** A seminar's fields, created (none given) or saved; then its page opens. */
export function SeminarForm({ seminar }: { seminar?: Seminar }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => initialFields(seminar));
  const { fields, general, setError, edited, formRef } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: SeminarBody) =>
      call(
        seminar
          ? client.PATCH('/api/seminars/{id}', { params: { path: { id: seminar.id } }, body })
          : client.POST('/api/seminars', { body }),
      ),
    onMutate: () => setError(null),
    onError: setError,
    onSuccess: (saved) => {
      queryClient.removeQueries({ queryKey: keys.seminars });
      void navigate(`/seminars/${saved.id}`);
    },
  });
  const change = (key: keyof Fields, value: string) => {
    setForm({ ...form, [key]: value });
    edited(key);
  };
  const input = (key: keyof Fields, label: MessageKey, type = 'text', hint?: MessageKey) => (
    <Field
      id={`seminar-${key}`}
      label={t(label)}
      hint={hint ? t(hint) : undefined}
      errors={fields[key]}
    >
      <input
        id={`seminar-${key}`}
        type={type}
        value={form[key]}
        onChange={(event) => change(key, event.target.value)}
      />
    </Field>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(bodyOf(form));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      {input('title', 'seminars.form.title')}
      <Field id="seminar-kind" label={t('seminars.form.kind')} errors={fields.kind}>
        <select
          id="seminar-kind"
          value={form.kind}
          onChange={(event) => change('kind', event.target.value)}
        >
          {SEMINAR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`seminars.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="row">
        {input('startsAt', 'seminars.form.startsAt', 'datetime-local')}
        {input('endsAt', 'seminars.form.endsAt', 'datetime-local')}
      </div>
      <Field
        id="seminar-timezone"
        label={t('seminars.form.timezone')}
        hint={t('seminars.form.timezoneHint')}
        errors={fields.timezone}
      >
        <ZoneSelect
          id="seminar-timezone"
          value={form.timezone}
          onChange={(zone) => change('timezone', zone)}
        />
      </Field>
      <div className="row">
        {input('venue', 'seminars.form.venue', 'text', 'seminars.form.venueHint')}
        {input('videoUrl', 'seminars.form.videoUrl', 'url', 'seminars.form.videoUrlHint')}
      </div>
      {input('capacity', 'seminars.form.capacity', 'number')}
      <HeldUnder
        idPrefix="seminar"
        partnerId={form.partnerId}
        agreementId={form.agreementId}
        errors={{ partnerId: fields.partnerId, agreementId: fields.agreementId }}
        onChange={(link) => {
          setForm({ ...form, ...link });
          edited('partnerId');
          edited('agreementId');
        }}
      />
      <Field
        id="seminar-description"
        label={t('seminars.form.description')}
        errors={fields.description}
      >
        <textarea
          id="seminar-description"
          rows={4}
          value={form.description}
          onChange={(event) => change('description', event.target.value)}
        />
      </Field>
      {general !== null && <ErrorBox error={general} />}
      <button type="submit" disabled={save.isPending}>
        {save.isPending
          ? t('common.saving')
          : seminar
            ? t('seminars.form.save')
            : t('seminars.form.create')}
      </button>
    </form>
  );
}
