import { useI18n } from '../../i18n';
import { CountrySelect, TaxonomySelect } from '../../pickers';
import { QueryLoaded } from '../../queries';
import { SearchForm } from '../../search-form';
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
  const taxonomy = useTaxonomy();
  const any = t('org.companies.any');

  return (
    <SearchForm
      id="directory"
      initial={initial}
      fields={fields}
      submitLabel={t('org.companies.search')}
      onSearch={onSearch}
    >
      {(draft, set) => (
        <>
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
                  <TaxonomySelect
                    id="directory-sector"
                    entries={tax.sectors}
                    value={draft.sector}
                    placeholder={any}
                    onChange={set('sector')}
                  />
                </Field>
                <Field
                  id="directory-partner-type"
                  label={t('profile.partnerTypes')}
                  errors={fields.partnerType}
                >
                  <TaxonomySelect
                    id="directory-partner-type"
                    entries={tax.partnerTypes}
                    value={draft.partnerType}
                    placeholder={any}
                    onChange={set('partnerType')}
                  />
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
        </>
      )}
    </SearchForm>
  );
}
