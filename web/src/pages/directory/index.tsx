import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/call';
import { client } from '../../api/client';
import { useFieldErrors } from '../../form-errors';
import { useI18n } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { Pager } from '../organiser/pager';
import { DirectoryFiltersForm } from './directory-filters';
import { DirectoryRow } from './directory-row';
import { directoryQuery, NO_FILTERS, type DirectoryFilters } from './filters';

/**
 * The directory of firms (`/directory`), for every signed-in user: verified firms (and the
 * reader's own), searched and filtered, 20 a page, each a link to its profile.
 */
export function DirectoryPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<DirectoryFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const query = directoryQuery(filters, page);
  const companies = useQuery({
    queryKey: keys.companyList(JSON.stringify(query)),
    queryFn: () => call(client.GET('/api/companies', { params: { query } })),
  });
  const fields = useFieldErrors(companies.isError ? companies.error : null);

  return (
    <main>
      <h1>{t('directory.title')}</h1>
      <DirectoryFiltersForm
        initial={NO_FILTERS}
        fields={fields}
        onSearch={(next) => {
          setPage(1);
          setFilters(next);
        }}
      />
      {companies.isError && Object.keys(fields).length > 0 ? null : (
        <QueryLoaded query={companies}>
          {(list) => (
            <section aria-labelledby="directory-results">
              <h2 id="directory-results">{t('org.companies.results', { count: list.total })}</h2>
              {list.items.length === 0 ? (
                <p className="muted">{t('org.companies.none')}</p>
              ) : (
                <ul className="cards">
                  {list.items.map((company) => (
                    <DirectoryRow key={company.id} company={company} />
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
