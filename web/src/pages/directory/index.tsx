import { useState } from 'react';
import { useFieldErrors } from '../../form-errors';
import { useI18n } from '../../i18n';
import { QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { DirectoryFiltersForm } from './directory-filters';
import { DirectoryRow } from './directory-row';
import { NO_FILTERS, type DirectoryFilters } from './filters';
import { useDirectory } from './use-directory';

/**
 * The directory of firms (`/directory`), for every signed-in user: verified firms (and the
 * reader's own), searched and filtered, 20 at a time and "Show more" for the next 20, each a link
 * to its profile. Past 1,000 firms the count is the server's estimate: "About 100,000 firms".
 */
export function DirectoryPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<DirectoryFilters>(NO_FILTERS);
  const companies = useDirectory(filters);
  const fields = useFieldErrors(companies.isError ? companies.error : null);

  return (
    <main>
      <h1>{t('directory.title')}</h1>
      <DirectoryFiltersForm initial={NO_FILTERS} fields={fields} onSearch={setFilters} />
      {companies.isError && Object.keys(fields).length > 0 ? null : (
        <QueryLoaded query={companies}>
          {({ pages }) => {
            const [first] = pages;
            const items = pages.flatMap((page) => page.items);
            return (
              <section aria-labelledby="directory-results">
                <h2 id="directory-results">
                  {first.totalIsEstimate
                    ? t('directory.resultsAbout', { count: first.total })
                    : t('org.companies.results', { count: first.total })}
                </h2>
                {items.length === 0 ? (
                  <p className="muted">{t('org.companies.none')}</p>
                ) : (
                  <ul className="cards">
                    {items.map((company) => (
                      <DirectoryRow key={company.id} company={company} />
                    ))}
                  </ul>
                )}
                {companies.isFetchNextPageError && (
                  <ErrorBox
                    error={companies.error}
                    onRetry={() => void companies.fetchNextPage()}
                  />
                )}
                {companies.hasNextPage && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={companies.isFetchingNextPage}
                    onClick={() => void companies.fetchNextPage()}
                  >
                    {companies.isFetchingNextPage ? t('common.loading') : t('directory.showMore')}
                  </button>
                )}
              </section>
            );
          }}
        </QueryLoaded>
      )}
    </main>
  );
}
