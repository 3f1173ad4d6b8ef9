import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { taxonomyLabel } from '../../names';
import { CountrySelect } from '../../pickers';
import { QueryLoaded } from '../../queries';
import { Field } from '../../ui';
import { useTaxonomy } from '../../use-taxonomy';
import type { DirectoryFilters } from './filters';

/**
 * The firms' directory's filters: words, country, sector, partnership kind and target market,
 * applied on submit; the API's words about a bad filter are shown by its field.
 */
export function DirectoryFiltersForm({
  initial,
  fields,
  onSearch,
}: {
  initial: DirectoryFilters;
  fields: Record<string, string[]>;
  onSearch: (filters: DirectoryFilters) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const taxonomy = useTaxonomy();
  const set = (key: keyof DirectoryFilters) => (value: string) =>
    setDraft({ ...draft, [key]: value });
  const search = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  const any = t('org.companies.any');

  return (
    <form role="search" onSubmit={search} className="filters">
      <div className="row">
        <Field id="directory-q" label={t('org.companies.q')} errors={fields.q}>
          <input
            id="directory-q"
            type="search"
            value={draft.q}
            onChange={(event) => set('q')(event.target.value)}
          />
        </Field>
        <Field id="directory-country" label={t('org.companies.country')} errors={fields.country}>
          <CountrySelect
            id="directory-country"
            value={draft.country}
            placeholder={any}
            onChange={set('country')}
          />
        </Field>
        <QueryLoaded query={taxonomy}>
          {(tax) => (
            <>
              <Field id="directory-sector" label={t('company.sectors')} errors={fields.sector}>
                <select
                  id="directory-sector"
                  value={draft.sector}
                  onChange={(event) => set('sector')(event.target.value)}
                >
                  <option value="">{any}</option>
                  {tax.sectors.map((sector) => (
                    <option key={sector.id} value={sector.id}>
                      {taxonomyLabel(sector.id, t)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                id="directory-partner-type"
                label={t('profile.partnerTypes')}
                errors={fields.partnerType}
              >
                <select
                  id="directory-partner-type"
                  value={draft.partnerType}
                  onChange={(event) => set('partnerType')(event.target.value)}
                >
                  <option value="">{any}</option>
                  {tax.partnerTypes.map((type) => (
                    <option key={type.id} value={type.id}>
                      {taxonomyLabel(type.id, t)}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          )}
        </QueryLoaded>
        <Field
          id="directory-market"
          label={t('directory.targetMarket')}
          errors={fields.targetMarket}
        >
          <CountrySelect
            id="directory-market"
            value={draft.targetMarket}
            placeholder={any}
            onChange={set('targetMarket')}
          />
        </Field>
      </div>
      <div className="actions">
        <button type="submit">{t('org.companies.search')}</button>
      </div>
    </form>
  );
}
