import { useState } from 'react';
import type { Membership } from '../../api';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { Pager } from '../organiser/pager';
import { MatchCard } from './match-card';
import { MatchFiltersForm } from './match-filters';
import { useOrganiserActing } from './organiser-acting';
import { FIRST_PAGE, useMatches, type MatchFilters } from './use-matches';

/**
 * The company's best matches, a page at a time, each with its wish and a request button;
 * filtered by country, sector and wish (firms marked not interested only when asked for).
 */
export function Matches({
  sessionId,
  company,
  asked,
}: {
  sessionId: string;
  company: Membership;
  asked: Set<string>;
}) {
  const { t } = useI18n();
  // An organiser acting for the firm reads whose matches these are, not "yours".
  const acting = useOrganiserActing();
  const [filters, setFilters] = useState<MatchFilters>(FIRST_PAGE);
  const matches = useMatches(sessionId, company.companyId, filters);
  const filtered =
    filters.country !== '' ||
    filters.sector !== '' ||
    filters.preference !== '' ||
    filters.includeHidden;
  return (
    <section aria-labelledby="matches">
      <h2 id="matches">
        {acting ? t('matches.titleActing', { name: company.name }) : t('matches.title')}
      </h2>
      <MatchFiltersForm filters={filters} onChange={setFilters} />
      <QueryLoaded query={matches}>
        {(page) =>
          page === null || page.items.length === 0 ? (
            <p>{t(filtered ? 'matches.noneFiltered' : 'matches.none')}</p>
          ) : (
            <>
              <ol className="cards matches">
                {page.items.map((match) => (
                  <MatchCard
                    key={match.company.id}
                    sessionId={sessionId}
                    company={company}
                    match={match}
                    asked={asked.has(match.company.id)}
                  />
                ))}
              </ol>
              <Pager {...page} onPage={(next) => setFilters({ ...filters, page: next })} />
            </>
          )
        }
      </QueryLoaded>
    </section>
  );
}
