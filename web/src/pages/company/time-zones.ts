/** IANA time zones the browser knows, offered as suggestions in time zone fields. */
export const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();
