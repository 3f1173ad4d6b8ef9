import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useI18n } from '../i18n';

/** One row of a chart and its table: a label, a value per series, and how the table shows each. */
export interface FigureRow {
  label: string;
  values: Record<string, number>;
  /** As the table shows a value; the number itself when left out. */
  texts?: Record<string, string>;
}

export interface FigureSeries {
  key: string;
  label: string;
}

/** Colours of the series, in order: the app's accent, then amber and green (all on white ≥ 4.5:1). */
const COLOURS = ['#0a5bd3', '#8a5a00', '#17733b', '#6b3fa0'];
const ROW_HEIGHT = 34;

/**
 * A chart drawn by Recharts (SVG, so it prints sharp; keyboard tooltips through its accessibility
 * layer) with the same figures in a table beside it: the picture for the eye, the table for
 * screen readers, for print and for copying into a paper. `bars` draws horizontal bars, one group
 * per row; `line` draws a line per series across the rows (years, for a trend).
 */
export function FigureChart({
  title,
  rowHeading,
  rows,
  series,
  kind = 'bars',
  max,
}: {
  title: string;
  /** The table's first column heading (what the rows are). */
  rowHeading: string;
  rows: FigureRow[];
  series: FigureSeries[];
  kind?: 'bars' | 'line';
  max?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const domain: [number, number | 'auto'] = [0, max ?? 'auto'];
  const legend = series.length > 1 ? <Legend /> : null;
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t('org.report.empty')}</p>
      ) : (
        <>
          <div className="chart-drawing">
            {kind === 'bars' ? (
              <BarChart
                responsive
                layout="vertical"
                data={data}
                title={title}
                style={{
                  width: '100%',
                  height: Math.max(rows.length * series.length, 1) * ROW_HEIGHT * 0.75 + 60,
                }}
                margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
              >
                <CartesianGrid horizontal={false} />
                <XAxis type="number" domain={domain} allowDecimals={max !== undefined} />
                <YAxis type="category" dataKey="label" width={120} />
                <Tooltip />
                {legend}
                {series.map((item, index) => (
                  <Bar
                    key={item.key}
                    dataKey={item.key}
                    name={item.label}
                    fill={COLOURS[index % COLOURS.length]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            ) : (
              <LineChart
                responsive
                data={data}
                title={title}
                style={{ width: '100%', height: 260 }}
                margin={{ top: 8, right: 24, bottom: 4, left: 4 }}
              >
                <CartesianGrid vertical={false} />
                <XAxis dataKey="label" />
                <YAxis domain={domain} allowDecimals={false} width={40} />
                <Tooltip />
                {legend}
                {series.map((item, index) => (
                  <Line
                    key={item.key}
                    dataKey={item.key}
                    name={item.label}
                    stroke={COLOURS[index % COLOURS.length]}
                    strokeWidth={2}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            )}
          </div>
          {/* A wide table scrolls in its box: focusable, so a keyboard can scroll it too. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
            <table className="chart-table">
              <thead>
                <tr>
                  <th scope="col">{rowHeading}</th>
                  {series.map((item) => (
                    <th scope="col" key={item.key}>
                      {item.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {series.map((item) => (
                      <td key={item.key}>{row.texts?.[item.key] ?? row.values[item.key]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
