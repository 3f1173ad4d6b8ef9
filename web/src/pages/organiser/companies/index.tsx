import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { keys, QueryLoaded } from '../../../queries';
import { useFieldErrors } from '../../../form-errors';
import { CompanyCard } from './company-card';
import { CompanyFilters } from './company-filters';
import type { Filters } from './filters';
import { companyListKey, useCompanies } from './use-companies';
import { Pager } from '../pager';

const QUEUE: Filters = { q: '', country: '', sector: '', status: 'pending' };

/**
 * The company directory for organisers, opening on the verification queue (pending companies,
 * with everything they registered, to verify or reject); filters by country, sector, words and
 * status.
 */
export function CompaniesPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState(QUEUE);
  const [page, setPage] = useState(1);
  const queryClient = useQueryClient();
  const companies = useCompanies(filters, page);
  const fields = useFieldErrors(companies.isError ? companies.error : null);

  return (
    <main>
      <h1>{t('org.companies.title')}</h1>
      <CompanyFilters
        initial={QUEUE}
        fields={fields}
        onSearch={(next) => {
          setPage(1);
          setFilters(next);
        }}
      />
      {companies.isError && Object.keys(fields).length > 0 ? null : (
        <QueryLoaded query={companies}>
          {(list) => (
            <section aria-labelledby="results">
              <h2 id="results">
                {t(
                  filters.status === 'pending'
                    ? 'org.companies.queue'
                    : list.totalIsEstimate
                      ? 'directory.resultsAbout'
                      : 'org.companies.results',
                  { count: list.total },
                )}
              </h2>
              {list.items.length === 0 ? (
                <p className="muted">{t('org.companies.none')}</p>
              ) : (
                <ul className="cards company-cards">
                  {list.items.map((company) => (
                    <CompanyCard
                      key={company.id}
                      company={company}
                      onDecided={(decided) => {
                        queryClient.setQueryData(companyListKey(filters, page), {
                          ...list,
                          items: list.items.map((item) =>
                            item.id === decided.id ? decided : item,
                          ),
                        });
                        // The organisers' home counts the queue afresh.
                        void queryClient.invalidateQueries({ queryKey: keys.pendingCompanies });
                      }}
                    />
                  ))}
                </ul>
              )}
              <Pager {...list} onPage={setPage} />
            </section>
          )}
        </QueryLoaded>
      )}
    </main>
  );
}
