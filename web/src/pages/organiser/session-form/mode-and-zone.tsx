import { useI18n } from '../../../i18n';
import { Field } from '../../../ui';
import { ZoneSelect } from '../../../pickers';
import type { FormState } from './form-state';

/** The session's mode (video or in person) and the time zone its times are typed in. */
export function ModeAndZone({
  form,
  fields,
  set,
}: {
  form: FormState;
  fields: Record<string, string[]>;
  set: (patch: Partial<FormState>) => void;
}) {
  const { t } = useI18n();
  return (
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
        <ZoneSelect
          id="timezone"
          value={form.timezone}
          onChange={(timezone) => set({ timezone })}
        />
      </Field>
    </div>
  );
}
