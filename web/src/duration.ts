import type { Translate } from './i18n';

/** A length of time as people say it, in whole minutes: "40 min", "2 h", "1 h 20 min". */
export function duration(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (hours === 0) return t('duration.minutes', { min });
  return min === 0 ? t('duration.hours', { hours }) : t('duration.hoursMinutes', { hours, min });
}
