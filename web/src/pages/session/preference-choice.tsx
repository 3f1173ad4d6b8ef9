import type { Match, Membership } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui';
import { MEETING_PREFERENCES, useSetPreference, type MeetingPreference } from './use-matches';

/**
 * The firm's wish about meeting one match: must meet, interested, not interested, or no choice.
 * Private to the firm; the scheduler reads it (never proposes a pair marked not interested unless
 * both asked, and places must-meet pairs first among the firms nobody asked for).
 */
export function PreferenceChoice({
  sessionId,
  company,
  match,
}: {
  sessionId: string;
  company: Membership;
  match: Match;
}) {
  const { t } = useI18n();
  const mark = useSetPreference(sessionId, company.companyId, match.company.id);
  const id = `preference-${match.company.id}`;
  // While saving, the choice just made shows; the list then loads again with it.
  const shown = mark.isPending ? mark.variables : match.preference;
  return (
    <div className="preference">
      <label htmlFor={id}>{t('matches.preference.label', { name: match.company.name })}</label>
      <select
        id={id}
        value={shown ?? ''}
        disabled={mark.isPending}
        onChange={(event) =>
          mark.mutate(event.target.value === '' ? null : (event.target.value as MeetingPreference))
        }
      >
        <option value="">{t('matches.preference.none')}</option>
        {MEETING_PREFERENCES.map((preference) => (
          <option key={preference} value={preference}>
            {t(`matches.preference.${preference}`)}
          </option>
        ))}
      </select>
      {mark.isError && <ErrorBox error={mark.error} />}
    </div>
  );
}
