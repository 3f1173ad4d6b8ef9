import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { I18nContext, initialLanguage, makeI18n, saveLanguage, type Language } from '../../i18n';
import { LanguageChoice } from '../../language-choice';
import { FollowUpSurvey } from './follow-up-survey';

/**
 * `/follow-up/:key`: the page a follow-up survey's emailed link opens, without signing in (the
 * signed key is the permission). Its language is the browser's or the one chosen here, as on the
 * other public pages.
 */
export function FollowUpPage() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const i18n = useMemo(() => makeI18n(language), [language]);
  const key = useParams().key ?? '';
  const choose = (next: Language) => {
    saveLanguage(next);
    setLanguage(next);
  };
  return (
    <I18nContext.Provider value={i18n}>
      <header className="top">
        <span className="brand">{i18n.t('app.name')}</span>
        <nav>
          <LanguageChoice language={language} onChange={choose} />
        </nav>
      </header>
      <div id="content">
        <FollowUpSurvey surveyKey={key} />
      </div>
    </I18nContext.Provider>
  );
}
