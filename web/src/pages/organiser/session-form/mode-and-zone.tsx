import { useI18n } from '../../../i18n';
import { Field } from '../../../ui';
import { timeZones } from '../../../zoned-time';
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
  );
}
