import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Page, type Taxonomy } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { keys, QueryLoaded } from '../../queries';
import { ErrorBox, Field, fieldErrors } from '../../ui';
import { Pager } from './pager';
import type { CompanyProfile } from './types';

interface Filters {
  q: string;
  country: string;
  sector: string;
  status: string;
}

const PAGE_SIZE = 20;

function query(filters: Filters, page: number): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  for (const key of Object.keys(filters) as (keyof Filters)[]) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

/**
 * The company directory for organisers, opening on the verification queue (pending companies,
 * with everything they registered, to verify or reject); filters by country, sector, words and
 * status.
 */
export function CompaniesPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>({
    q: '',
    country: '',
    sector: '',
    status: 'pending',
  });
  const [filters, setFilters] = useState(draft);
  const [page, setPage] = useState(1);
  const queryClient = useQueryClient();
  const taxonomy = useQuery({
    queryKey: keys.taxonomy,
    queryFn: () => api<Taxonomy>('GET', '/taxonomy'),
  });
  const params = query(filters, page);
  const companies = useQuery({
    queryKey: keys.companyList(params),
    queryFn: () => api<Page<CompanyProfile>>('GET', `/companies?${params}`),
  });
  const fields = companies.isError ? fieldErrors(companies.error) : {};

  const search = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters(draft);
  };
  const text = (key: 'q' | 'country', label: MessageKey) => (
    <Field id={`filter-${key}`} label={t(label)} errors={fields[key]}>
      <input
        id={`filter-${key}`}
        type="search"
        value={draft[key]}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
    </Field>
  );

  return (
    <main>
      <h1>{t('org.companies.title')}</h1>
      <form role="search" onSubmit={search} className="filters">
        <div className="row">
          {text('q', 'org.companies.q')}
          {text('country', 'org.companies.country')}
          <QueryLoaded query={taxonomy}>
            {(tax) => (
              <Field id="filter-sector" label={t('company.sectors')} errors={fields.sector}>
                <select
                  id="filter-sector"
                  value={draft.sector}
                  onChange={(event) => setDraft({ ...draft, sector: event.target.value })}
                >
                  <option value="">{t('org.companies.any')}</option>
                  {tax.sectors.map((sector) => (
                    <option key={sector.id} value={sector.id}>
                      {sector.label}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </QueryLoaded>
          <Field id="filter-status" label={t('org.companies.status')} errors={fields.status}>
            <select
              id="filter-status"
              value={draft.status}
              onChange={(event) => setDraft({ ...draft, status: event.target.value })}
            >
              <option value="">{t('org.companies.any')}</option>
              {(['pending', 'verified', 'rejected'] as const).map((status) => (
                <option key={status} value={status}>
                  {t(`org.companies.status.${status}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="actions">
          <button type="submit">{t('org.companies.search')}</button>
        </div>
      </form>
      {companies.isError && Object.keys(fields).length > 0 ? null : (
        <QueryLoaded query={companies}>
          {(list) => (
            <section aria-labelledby="results">
              <h2 id="results">
                {t(filters.status === 'pending' ? 'org.companies.queue' : 'org.companies.results', {
                  count: list.total,
                })}
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
                        queryClient.setQueryData(keys.companyList(params), {
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

function CompanyCard({
  company,
  onDecided,
}: {
  company: CompanyProfile;
  onDecided: (company: CompanyProfile) => void;
}) {
  const { t, dateTime } = useI18n();
  const decision = useMutation({
    mutationFn: (status: 'verified' | 'rejected') =>
      api<CompanyProfile>('POST', `/companies/${company.id}/verification`, { status }),
    onSuccess: (decided) => onDecided({ ...company, ...decided }),
  });
  const busy = decision.isPending;
  const headingId = `company-${company.id}`;
  const details: [MessageKey, string][] = [
    ['company.sectors', company.sectors.join(', ')],
    ['company.partnerTypes', company.partnerTypes.join(', ')],
    ['org.companies.offers', company.offers.join(', ')],
    ['org.companies.seeks', company.seeks.join(', ')],
    ['org.companies.markets', company.targetMarkets.join(', ')],
    ['org.companies.languages', company.languages.join(', ')],
    ['company.employees', company.employees],
    ['company.timezone', company.timezone],
    ['org.companies.registered', dateTime(company.createdAt)],
  ];
  return (
    <li className="card company-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{company.name}</h3>
      <div>
        <span className={`badge ${company.status}`}>
          {t(`org.companies.status.${company.status}` as MessageKey)}
        </span>{' '}
        <span className="muted">
          {company.city}, {company.country}
        </span>
      </div>
      {company.website && (
        <a href={company.website} rel="noreferrer noopener" target="_blank">
          {company.website}
        </a>
      )}
      {company.description && <p>{company.description}</p>}
      <dl className="facts">
        {details
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {/* The team, with whether each user verified their address (issue 14). */}
      <Link to={`/companies/${company.id}/team`}>
        {t('team.linkNamed', { name: company.name })}
      </Link>
      {company.status === 'pending' && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            aria-label={t('org.companies.verifyNamed', { name: company.name })}
            onClick={() => decision.mutate('verified')}
          >
            {t('org.companies.verify')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            aria-label={t('org.companies.rejectNamed', { name: company.name })}
            onClick={() => decision.mutate('rejected')}
          >
            {t('org.companies.reject')}
          </button>
        </div>
      )}
      {decision.isError && <ErrorBox error={decision.error} />}
    </li>
  );
}
