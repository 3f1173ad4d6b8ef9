import type { Match, Membership } from '../../api';
import { useI18n } from '../../i18n';
import { MatchCard } from './match-card';
import { useOrganiserActing } from './organiser-acting';

/** The company's best matches, each with a request button. */
export function Matches({
  sessionId,
  company,
  matches,
  asked,
}: {
  sessionId: string;
  company: Membership;
  matches: Match[];
  asked: Set<string>;
}) {
  const { t } = useI18n();
  // An organiser acting for the firm reads whose matches these are, not "yours".
  const acting = useOrganiserActing();
  return (
    <section aria-labelledby="matches">
      <h2 id="matches">
        {acting ? t('matches.titleActing', { name: company.name }) : t('matches.title')}
      </h2>
      {matches.length === 0 ? (
        <p>{t('matches.none')}</p>
      ) : (
        <ol className="cards matches">
          {matches.map((match) => (
            <MatchCard
              key={match.company.id}
              sessionId={sessionId}
              company={company}
              match={match}
              asked={asked.has(match.company.id)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
