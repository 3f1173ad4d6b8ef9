import { type Match, type Membership } from '../../api';
import { CompanyLink } from '../../company-link';
import { useI18n } from '../../i18n';
import { MessageLink } from '../../message-link';
import { countryName } from '../../names';
import { reasonWords } from '../../reasons';
import { PreferenceChoice } from './preference-choice';
import { RequestForm } from './request-form';

/** One match: who, how well, why, the firm's wish, and a meeting request with an optional message. */
export function MatchCard({
  sessionId,
  company,
  match,
  asked,
}: {
  sessionId: string;
  company: Membership;
  match: Match;
  asked: boolean;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  return (
    <li className="card match">
      <div className="match-head">
        <strong>
          <CompanyLink id={match.company.id} name={match.company.name} />
        </strong>{' '}
        <MessageLink from={company.companyId} to={match.company} />
        <span className="score" aria-label={t('matches.score', { score: match.score })}>
          {Math.round(match.score)}
        </span>
      </div>
      <div className="muted">
        {match.company.city}, {countryName(match.company.country, language)}
      </div>
      <ul className="reasons">
        {match.reasons
          .filter((reason) => reason.value > 0)
          .map((reason) => (
            <li key={reason.component}>{reasonWords(reason, i18n)}</li>
          ))}
      </ul>
      <PreferenceChoice sessionId={sessionId} company={company} match={match} />
      {asked ? (
        <p className="notice ok">{t('matches.requested')}</p>
      ) : (
        <RequestForm
          sessionId={sessionId}
          fromCompanyId={company.companyId}
          to={match.company}
          label={t('matches.requestNamed', { name: match.company.name })}
        />
      )}
    </li>
  );
}
