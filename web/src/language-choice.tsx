import { LANGUAGES, useI18n, type Language } from './i18n';

/** The language switch of the page header (the app's and the public follow-up page's). */
export function LanguageChoice({
  language,
  onChange,
}: {
  language: Language;
  onChange: (language: Language) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label className="visually-hidden" htmlFor="language">
        {t('nav.language')}
      </label>
      <select
        id="language"
        value={language}
        onChange={(event) => onChange(event.target.value as Language)}
      >
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
}
