import { useSearchParams } from 'react-router';
import type { ProgrammeReport } from '../../../../../src/programme/programme.wire';
import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import { QueryLoaded } from '../../../queries';
import { ErrorBox } from '../../../ui';
import { AgreementsTable, DueForRenewal } from './agreements';
import { FiguresTable } from './figures-table';
import { ProgrammeCharts } from './programme-charts';
import { ValueBands } from './value-bands';
import { useProgrammeCsv, useProgrammeReport, type ProgrammeFilter } from './use-programme';

/** Today's calendar date where the officer is (`YYYY-MM-DD`), for "printed on". */
const localToday = () => new Date().toLocaleDateString('en-CA');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filter in the address (`?year=2026&partner=…`, `year=all`): this year by default. */
function useFilter(): [ProgrammeFilter, (next: ProgrammeFilter) => void] {
  const [params, setParams] = useSearchParams();
  const yearParam = params.get('year');
  const year =
    yearParam === 'all'
      ? null
      : yearParam !== null && /^\d{4}$/.test(yearParam)
        ? Number(yearParam)
        : new Date().getFullYear();
  const partnerParam = params.get('partner');
  const partnerId = partnerParam !== null && UUID.test(partnerParam) ? partnerParam : null;
  const set = (next: ProgrammeFilter) => {
    const search = new URLSearchParams();
    search.set('year', next.year === null ? 'all' : String(next.year));
    if (next.partnerId !== null) search.set('partner', next.partnerId);
    setParams(search, { replace: true });
  };
  return [{ year, partnerId }, set];
}

/**
 * The programme report for organisers: per partner economy and year, what was done and what came
 * of it, charts with their tables, the agreements due for renewal, a CSV and a page to print.
 */
export function ProgrammePage() {
  const { t, date } = useI18n();
  const names = useNames();
  const [filter, setFilter] = useFilter();
  const report = useProgrammeReport(filter);
  // Every year and partner, for the choices (the filtered report names only what it shows).
  const everything = useProgrammeReport({ year: null, partnerId: null });
  const csv = useProgrammeCsv(filter);

  const label = (partner: { country: string; name: string }) => {
    const country = names.country(partner.country);
    return country && country !== partner.country ? country : partner.name;
  };
  const years = [
    ...new Set([
      new Date().getFullYear(),
      ...(filter.year === null ? [] : [filter.year]),
      ...(everything.data?.trends.map((trend) => trend.year) ?? []),
    ]),
  ].sort((x, y) => y - x);
  const partners = everything.data?.partners ?? [];
  const title =
    filter.year === null
      ? t('programme.printTitleAll')
      : t('programme.printTitle', { year: String(filter.year) });

  return (
    <main className="programme-report">
      <h1>
        <span className="screen-only">{t('programme.title')}</span>
        <span className="print-only">{title}</span>
      </h1>
      <p className="print-only">{t('programme.printedOn', { date: date(localToday()) })}</p>
      <p className="screen-only">{t('programme.intro')}</p>
      <form className="filters screen-only" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('programme.filter.year')}
          <select
            value={filter.year === null ? 'all' : String(filter.year)}
            onChange={(event) =>
              setFilter({
                ...filter,
                year: event.target.value === 'all' ? null : Number(event.target.value),
              })
            }
          >
            <option value="all">{t('programme.filter.allYears')}</option>
            {years.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('programme.filter.partner')}
          <select
            value={filter.partnerId ?? ''}
            onChange={(event) => setFilter({ ...filter, partnerId: event.target.value || null })}
          >
            <option value="">{t('programme.filter.allPartners')}</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {label(partner)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="actions screen-only">
        <button type="button" onClick={() => csv.mutate()} disabled={csv.isPending}>
          {csv.isPending ? t('common.loading') : t('programme.csv')}
        </button>
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('programme.print')}
        </button>
      </div>
      {csv.isError && <ErrorBox error={csv.error} />}
      <QueryLoaded query={report}>
        {(value: ProgrammeReport) => {
          const byId = new Map(value.partners.map((partner) => [partner.id, partner]));
          const partnerName = (id: string) => {
            const partner = byId.get(id);
            return partner ? label(partner) : '';
          };
          const rowLabel = (row: ProgrammeReport['rows'][number]) =>
            value.year === null ? `${label(row.partner)} ${row.year}` : label(row.partner);
          return (
            <>
              <DueForRenewal report={value} partnerName={partnerName} />
              {value.rows.length === 0 ? (
                <p className="muted">{t('programme.empty')}</p>
              ) : (
                <>
                  <ProgrammeCharts report={value} partnerLabel={rowLabel} />
                  <FiguresTable report={value} partnerLabel={(row) => label(row.partner)} />
                  <ValueBands totals={value.totals} />
                </>
              )}
              <h2>{t('programme.agreements.title')}</h2>
              <AgreementsTable report={value} partnerName={partnerName} />
            </>
          );
        }}
      </QueryLoaded>
    </main>
  );
}
