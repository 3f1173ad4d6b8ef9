import type { FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { taxonomyLabel } from '../../names';
import { CountrySelect } from '../../pickers';
import { SECTORS } from '../../../../src/companies/taxonomy';
import { Field } from '../../ui';
import { MEETING_PREFERENCES, type MatchFilters } from './use-matches';

/** Country, sector, the firm's own wish and whether to show the firms it marked not interested. */
export function MatchFiltersForm({
  filters,
  onChange,
}: {
  filters: MatchFilters;
  /** Any change goes back to the first page. */
  onChange: (filters: MatchFilters) => void;
}) {
  const { t } = useI18n();
  const set = (changes: Partial<MatchFilters>) => onChange({ ...filters, ...changes, page: 1 });
  return (
    <form
      role="search"
      aria-label={t('matches.filters')}
      className="filters"
      onSubmit={(event: FormEvent) => event.preventDefault()}
    >
      <div className="row">
        <Field id="matches-country" label={t('matches.filter.country')}>
          <CountrySelect
            id="matches-country"
            value={filters.country}
            placeholder={t('matches.filter.any')}
            onChange={(country) => set({ country })}
          />
        </Field>
        <Field id="matches-sector" label={t('matches.filter.sector')}>
          <select
            id="matches-sector"
            value={filters.sector}
            onChange={(event) => set({ sector: event.target.value })}
          >
            <option value="">{t('matches.filter.any')}</option>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {taxonomyLabel(sector, t)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="matches-preference" label={t('matches.filter.preference')}>
          <select
            id="matches-preference"
            value={filters.preference}
            onChange={(event) =>
              set({ preference: event.target.value as MatchFilters['preference'] })
            }
          >
            <option value="">{t('matches.filter.any')}</option>
            {MEETING_PREFERENCES.map((preference) => (
              <option key={preference} value={preference}>
                {t(`matches.preference.${preference}`)}
              </option>
            ))}
            <option value="none">{t('matches.preference.none')}</option>
          </select>
        </Field>
        <label className="choice">
          <input
            type="checkbox"
            checked={filters.includeHidden}
            onChange={(event) => set({ includeHidden: event.target.checked })}
          />
          {t('matches.filter.hidden')}
        </label>
      </div>
    </form>
  );
}
