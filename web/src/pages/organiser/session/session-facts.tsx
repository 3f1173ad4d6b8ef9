import { useI18n, VIEWER_ZONE } from '../../../i18n';
import { useNames } from '../../../names';
import type { OrganiserSessionDetail } from '../types';

/** The session's settings: when (in the viewer's zone and the session's), slots, limits, sides. */
export function SessionFacts({ detail }: { detail: OrganiserSessionDetail }) {
  const { t, dateTime } = useI18n();
  const names = useNames();
  return (
    <dl className="facts">
      <dt>{t('org.session.when')}</dt>
      <dd>
        {t('session.when', {
          start: dateTime(detail.startsAt),
          end: dateTime(detail.endsAt),
          zone: VIEWER_ZONE,
        })}
        {detail.timezone !== VIEWER_ZONE && (
          <div className="muted">
            {t('org.session.inZone', {
              start: dateTime(detail.startsAt, detail.timezone),
              end: dateTime(detail.endsAt, detail.timezone),
              zone: detail.timezone,
            })}
          </div>
        )}
      </dd>
      <dt>{t('org.form.requestDeadline')}</dt>
      <dd>{dateTime(detail.requestDeadline)}</dd>
      <dt>{t('org.session.slots')}</dt>
      <dd>
        {t('org.session.slotsValue', {
          count: detail.slots.length,
          minutes: detail.slotMinutes,
          pause: detail.breakMinutes,
        })}
      </dd>
      <dt>{t('org.form.maxMeetings')}</dt>
      <dd>{detail.maxMeetingsPerCompany}</dd>
      {detail.tables !== null && (
        <>
          <dt>{t('org.form.tables')}</dt>
          <dd>{detail.tables}</dd>
        </>
      )}
      {detail.sides && (
        <>
          <dt>{t('org.form.sides')}</dt>
          <dd>
            {names.countries(detail.sides[0])} ↔ {names.countries(detail.sides[1])}
          </dd>
        </>
      )}
      <dt>{t('org.form.crossBorderOnly')}</dt>
      <dd>{t(detail.crossBorderOnly ? 'org.yes' : 'org.no')}</dd>
    </dl>
  );
}
