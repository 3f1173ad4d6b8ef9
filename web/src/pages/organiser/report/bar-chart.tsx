import { FigureChart } from '../../../charts/figure-chart';
import { useI18n } from '../../../i18n';

export interface Bar {
  label: string;
  value: number;
  /** As the table shows it; the value itself when left out. */
  text?: string;
}

/** One series of horizontal bars (drawn by FigureChart, Recharts) with its table beside it. */
export function BarChart({
  title,
  bars,
  max,
  valueHeading,
}: {
  title: string;
  bars: Bar[];
  max?: number;
  valueHeading: string;
}) {
  const { t } = useI18n();
  return (
    <FigureChart
      title={title}
      rowHeading={t('org.report.item')}
      max={max}
      series={[{ key: 'value', label: valueHeading }]}
      rows={bars.map((bar) => ({
        label: bar.label,
        values: { value: bar.value },
        texts: bar.text === undefined ? undefined : { value: bar.text },
      }))}
    />
  );
}
