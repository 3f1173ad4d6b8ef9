import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext, useMemo, useState, type FormEvent } from 'react';
import {
  DELIVERIES,
  isAccountKind,
  isAlwaysSent,
  isOrganiserKind,
  NOTIFICATION_KINDS,
  LANGUAGES as WIRE_LANGUAGES,
  type Delivery,
  type Language,
  type NotificationKind,
  type WireUserSettings,
} from '../../../src/notifications/notification.wire';
import { client } from '../api/client';
import { AccountContext } from '../account';
import { useShell } from './account/account-api';
import { LANGUAGES, useI18n, type MessageKey } from '../i18n';
import { keys, QueryLoaded } from '../queries';
import { useFieldErrors, useFocusFirstInvalid } from '../form-errors';
import { ErrorBox, Field } from '../ui';
import { timeZones, zoneLabel } from '../zoned-time';

/** The user's settings: language, time zone, reminder times and, per kind, how to be told. */
export function SettingsPage() {
  const settings = useQuery({
    queryKey: keys.settings,
    queryFn: async (): Promise<WireUserSettings> =>
      (await client.GET('/api/users/me/settings')).data!,
  });
  return <QueryLoaded query={settings}>{(value) => <SettingsForm settings={value} />}</QueryLoaded>;
}

/** Reminder minutes as typed ("1440, 15") into numbers; what is not a number is sent as is. */
function parseReminders(text: string): number[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
}

/** `aria-invalid` and `aria-describedby` of a field's control, from its hint and messages. */
function described(id: string, errors: string[] | undefined, hint = false) {
  const ids = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ');
  return {
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': ids || undefined,
  };
}

/** What to do about each field the server refused, in words for people. */
const FIELD_MESSAGES = {
  language: 'settings.error.language',
  timezone: 'settings.error.timezone',
  reminders: 'settings.error.reminders',
  notifications: 'settings.error.notifications',
} as const satisfies Record<string, MessageKey>;

export function SettingsForm({ settings }: { settings: WireUserSettings }) {
  const { t, language: viewerLanguage } = useI18n();
  const queryClient = useQueryClient();
  const shell = useShell();
  const [language, setLanguage] = useState<Language>(settings.language);
  const [timezone, setTimezone] = useState(settings.timezone);
  const [reminders, setReminders] = useState(settings.reminders.join(', '));
  const [deliveries, setDeliveries] = useState(settings.notifications);
  // A firm's user never gets the organisers' kinds (an agreement due for renewal): no choice.
  const role = useContext(AccountContext)?.me.user.role;
  const kinds = NOTIFICATION_KINDS.filter((kind) => role !== 'member' || !isOrganiserKind(kind));
  // Every zone the browser knows, named in the language of the page (the saved one kept first
  // if the browser does not know it: the server then says what is wrong with it).
  const zones = useMemo(
    () =>
      timeZones(settings.timezone).map((zone) => ({
        zone,
        label: zoneLabel(zone, viewerLanguage),
      })),
    [settings.timezone, viewerLanguage],
  );
  const save = useMutation({
    mutationFn: async () =>
      (
        await client.PATCH('/api/users/me/settings', {
          body: {
            language,
            timezone,
            reminders: parseReminders(reminders),
            notifications: deliveries,
          },
        })
      ).data!,
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings, saved);
      // One language per person: the app shows the one the emails are written in.
      shell.setLanguage(saved.language);
      // The words of notifications follow the language chosen.
      void queryClient.invalidateQueries({ queryKey: keys.notifications });
    },
  });
  // Each field the server refused is said here, in the reader's language, as what to do.
  const fields = useFieldErrors(save.error, { overrides: FIELD_MESSAGES });
  const formRef = useFocusFirstInvalid(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const setDelivery = (kind: NotificationKind, delivery: Delivery) =>
    setDeliveries((previous) => ({ ...previous, [kind]: delivery }));

  return (
    <main className="narrow">
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Field id="settings-language" label={t('settings.language')} errors={fields.language}>
          <select
            id="settings-language"
            {...described('settings-language', fields.language)}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {WIRE_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGES[code]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="settings-timezone"
          label={t('settings.timezone')}
          hint={t('settings.timezoneHint')}
          errors={fields.timezone}
        >
          <select
            id="settings-timezone"
            {...described('settings-timezone', fields.timezone, true)}
            value={timezone}
            onChange={(event) => setTimezone(event.target.value)}
          >
            {zones.map(({ zone, label }) => (
              <option key={zone} value={zone}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="settings-reminders"
          label={t('settings.reminders')}
          hint={t('settings.remindersHint')}
          errors={fields.reminders}
        >
          <input
            id="settings-reminders"
            {...described('settings-reminders', fields.reminders, true)}
            inputMode="numeric"
            value={reminders}
            onChange={(event) => setReminders(event.target.value)}
          />
        </Field>
        <fieldset aria-describedby={fields.notifications ? 'settings-kinds-error' : undefined}>
          <legend>{t('settings.deliveries')}</legend>
          {fields.notifications && (
            <p id="settings-kinds-error" className="field-error">
              {fields.notifications.join(' ')}
            </p>
          )}
          <table className="deliveries">
            <tbody>
              {kinds.map((kind) => (
                <tr key={kind}>
                  <th scope="row">
                    <label htmlFor={`delivery-${kind}`}>{t(`kind.${kind}` as const)}</label>
                  </th>
                  <td>
                    {isAlwaysSent(kind) ? (
                      <span className="muted" id={`delivery-${kind}`}>
                        {t(
                          isAccountKind(kind) ? 'settings.accountKind' : 'settings.invitationKind',
                        )}
                      </span>
                    ) : (
                      <select
                        id={`delivery-${kind}`}
                        value={deliveries[kind]}
                        onChange={(event) => setDelivery(kind, event.target.value as Delivery)}
                      >
                        {DELIVERIES.map((delivery) => (
                          <option key={delivery} value={delivery}>
                            {t(`settings.delivery.${delivery}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        {save.error && !Object.keys(fields).length && <ErrorBox error={save.error} />}
        {save.isSuccess && (
          <p role="status" className="success">
            {t('settings.saved')}
          </p>
        )}
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('settings.save')}
        </button>
      </form>
    </main>
  );
}
