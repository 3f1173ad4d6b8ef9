import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import { OUTCOMES, type OutcomeLine, type SessionReport } from '../types';
import { BarChart, type Bar } from './bar-chart';
import { STATUS_FIELDS } from './status-fields';

/** The four charts: meetings by status, held and rating by country pair, outcomes. */
export function ReportCharts({ report }: { report: SessionReport }) {
  const { t } = useI18n();
  const names = useNames();
  const pairs = (pick: (line: OutcomeLine) => Bar) => report.byCountryPair.map(pick);
  return (
    <div className="charts">
      <BarChart
        title={t('org.report.chart.status')}
        valueHeading={t('org.report.meetings')}
        bars={STATUS_FIELDS.map(({ field, label }) => ({
          label: t(label),
          value: report.totals[field],
        }))}
      />
      <BarChart
        title={t('org.report.chart.held')}
        valueHeading={t('org.meeting.held')}
        bars={pairs((line) => ({ label: names.countryPair(line.countryPair), value: line.held }))}
      />
      <BarChart
        title={t('org.report.chart.rating')}
        valueHeading={t('org.report.rating')}
        max={5}
        bars={pairs((line) => ({
          label: names.countryPair(line.countryPair),
          value: line.averageRating ?? 0,
          text:
            line.averageRating === null
              ? t('org.report.noRating')
              : t('org.report.ratingValue', {
                  rating: line.averageRating,
                  count: line.feedback,
                }),
        }))}
      />
      <BarChart
        title={t('org.report.chart.outcomes')}
        valueHeading={t('org.report.answers')}
        bars={OUTCOMES.map((outcome) => ({
          label: t(`org.outcome.${outcome}`),
          value: report.totals.outcomes[outcome],
        }))}
      />
    </div>
  );
}
