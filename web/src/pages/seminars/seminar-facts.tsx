import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import type { Seminar } from './types';

/** When (in the viewer's zone), where or by which link, seats left and the partner economy. */
export function SeminarFacts({ seminar }: { seminar: Seminar }) {
  const { t, dateTime, time } = useI18n();
  const names = useNames();
  return (
    <p className="muted">
      <span className="badge">{t(`seminars.kind.${seminar.kind}`)}</span>{' '}
      {t('seminars.when', { start: dateTime(seminar.startsAt), end: time(seminar.endsAt) })}
      <br />
      {seminar.venue && (
        <>
          {t('seminars.venue', { venue: seminar.venue })}
          <br />
        </>
      )}
      {seminar.videoUrl && (
        <>
          <a href={seminar.videoUrl} target="_blank" rel="noreferrer">
            {t('seminars.videoLink')}
          </a>
          <br />
        </>
      )}
      {seminar.seatsLeft > 0
        ? t('seminars.seatsLeft', { count: seminar.seatsLeft, capacity: seminar.capacity })
        : t('seminars.full', { count: seminar.waitlistedCount })}
      {seminar.partnerCountry && (
        <>
          <br />
          {t('seminars.partner', { country: names.country(seminar.partnerCountry) })}
        </>
      )}
    </p>
  );
}
