import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { QueryLoaded } from '../../../queries';
import { Field } from '../../../ui';
import { useTaxonomy } from '../../../use-taxonomy';
import { taxonomyLabel } from '../../../names';
import { CountrySelect } from '../../../pickers';
import type { Filters } from './filters';

/**
 * The directory's filters: words, country, sector and status, applied on submit. The API's
 * messages about a bad filter are shown by its field.
 */
export function CompanyFilters({
  initial,
  fields,
  onSearch,
}: {
  initial: Filters;
  fields: Record<string, string[]>;
  onSearch: (filters: Filters) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(initial);
  const taxonomy = useTaxonomy();

  const search = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  const text = (key: 'q', label: MessageKey) => (
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
    <form role="search" onSubmit={search} className="filters">
      <div className="row">
        {text('q', 'org.companies.q')}
        <Field id="filter-country" label={t('org.companies.country')} errors={fields.country}>
          <CountrySelect
            id="filter-country"
            value={draft.country}
            placeholder={t('org.companies.any')}
            onChange={(country) => setDraft({ ...draft, country })}
          />
        </Field>
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
                    {taxonomyLabel(sector.id, t)}
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
  );
}
