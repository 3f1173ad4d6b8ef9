import { useI18n } from '../../i18n';
import { CountrySelect, TaxonomySelect } from '../../pickers';
import { QueryLoaded } from '../../queries';
import { SearchForm } from '../../search-form';
import { Field } from '../../ui';
import { useTaxonomy } from '../../use-taxonomy';
import type { BoardFilters } from './filters';
import { OPPORTUNITY_KINDS } from './types';

/** The board's filters: words, kind, sector and country, applied on submit. */
export function BoardFiltersForm({
  initial,
  fields,
  onSearch,
}: {
  initial: BoardFilters;
  fields: Record<string, string[]>;
  onSearch: (filters: BoardFilters) => void;
}) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const any = t('org.companies.any');
  return (
    <SearchForm
      id="board"
      initial={initial}
      fields={fields}
      submitLabel={t('opportunities.search')}
      onSearch={onSearch}
    >
      {(draft, set) => (
        <>
          <Field id="board-kind" label={t('opportunities.kind')} errors={fields.kind}>
            <select
              id="board-kind"
              value={draft.kind}
              onChange={(event) => set('kind')(event.target.value)}
            >
              <option value="">{any}</option>
              {OPPORTUNITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`opportunities.kind.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <QueryLoaded query={taxonomy}>
            {(tax) => (
              <Field id="board-sector" label={t('opportunities.sector')} errors={fields.sector}>
                <TaxonomySelect
                  id="board-sector"
                  entries={tax.sectors}
                  value={draft.sector}
                  placeholder={any}
                  onChange={set('sector')}
                />
              </Field>
            )}
          </QueryLoaded>
          <Field id="board-country" label={t('opportunities.country')} errors={fields.country}>
            <CountrySelect
              id="board-country"
              value={draft.country}
              placeholder={any}
              onChange={set('country')}
            />
          </Field>
        </>
      )}
    </SearchForm>
  );
}
