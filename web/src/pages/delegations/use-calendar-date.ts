import { useI18n } from '../../i18n';

/**
 * A calendar date (YYYY-MM-DD) written out in the chosen language, in the style of every other
 * date of the app (the browser's variant of the language, as `dateTime` writes them).
 */
export function useCalendarDate(): (date: string) => string {
  return useI18n().date;
}
