import { useI18n } from '../../i18n';

/** A calendar date (YYYY-MM-DD) written out in the chosen language. */
export function useCalendarDate(): (date: string) => string {
  const { language } = useI18n();
  return (date) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );
}
