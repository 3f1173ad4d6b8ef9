import { useId } from 'react';
import { useI18n } from '../../../i18n';

export interface Bar {
  label: string;
  value: number;
  /** As the table shows it; the value itself when left out. */
  text?: string;
}

const BAR_HEIGHT = 28;
const LABEL_WIDTH = 150;
const CHART_WIDTH = 420;

/**
 * A horizontal bar chart drawn in SVG, with the same figures in a table under it: the picture for
 * the eye, the table for screen readers (the SVG itself is hidden from them).
 */
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
  const id = useId();
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 70;
  const height = Math.max(bars.length, 1) * BAR_HEIGHT + 8;
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{t('org.report.empty')}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${CHART_WIDTH} ${height}`}
            width="100%"
            aria-hidden="true"
            focusable="false"
          >
            {bars.map((bar, index) => {
              const y = index * BAR_HEIGHT + 4;
              const width = (bar.value / top) * barSpace;
              return (
                <g key={bar.label}>
                  <text x={LABEL_WIDTH - 6} y={y + 16} textAnchor="end" className="chart-label">
                    {bar.label}
                  </text>
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={Math.max(width, bar.value > 0 ? 2 : 0)}
                    height={BAR_HEIGHT - 8}
                    rx={3}
                    className="chart-bar"
                  />
                  <text x={LABEL_WIDTH + width + 6} y={y + 16} className="chart-value">
                    {bar.text ?? bar.value}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="chart-table">
            <thead>
              <tr>
                <th scope="col">{t('org.report.item')}</th>
                <th scope="col">{valueHeading}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">{bar.label}</th>
                  <td>{bar.text ?? bar.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
