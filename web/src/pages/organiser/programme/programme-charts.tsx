import type { ProgrammeReport } from '../../../../../src/programme/programme.wire';
import { FigureChart } from '../../../charts/figure-chart';
import { useI18n } from '../../../i18n';
import { activityCount } from './figures';

/**
 * Two charts, each with its table: activities, meetings held and agreements signed per partner
 * economy for the selection, and the same three across the years (the trend).
 */
export function ProgrammeCharts({
  report,
  partnerLabel,
}: {
  report: ProgrammeReport;
  partnerLabel: (row: ProgrammeReport['rows'][number]) => string;
}) {
  const { t } = useI18n();
  const series = [
    { key: 'activities', label: t('programme.figure.activities') },
    { key: 'meetingsHeld', label: t('programme.figure.meetingsHeld') },
    { key: 'agreementsSigned', label: t('programme.figure.agreementsSigned') },
  ];
  const values = (figures: ProgrammeReport['totals']) => ({
    activities: activityCount(figures),
    meetingsHeld: figures.meetingsHeld,
    agreementsSigned: figures.agreementsSigned,
  });
  return (
    <div className="charts programme-charts">
      <FigureChart
        title={
          report.year === null
            ? t('programme.chart.byPartnerAll')
            : t('programme.chart.byPartner', { year: String(report.year) })
        }
        rowHeading={t('programme.col.partner')}
        series={series}
        rows={report.rows.map((row) => ({ label: partnerLabel(row), values: values(row) }))}
      />
      <FigureChart
        kind="line"
        title={t('programme.chart.trend')}
        rowHeading={t('programme.col.year')}
        series={series}
        rows={report.trends.map((trend) => ({
          label: String(trend.year),
          values: values(trend),
        }))}
      />
    </div>
  );
}
