import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api, download } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from 'react-router';
import { keys, QueryLoaded } from '../../queries';
import { ErrorBox } from '../../ui';
import { OUTCOMES, type OutcomeLine, type SessionReport } from './types';

interface Bar {
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
function BarChart({
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

const STATUS_FIELDS: { field: 'scheduled' | 'held' | 'noShow' | 'cancelled'; label: MessageKey }[] =
  [
    { field: 'held', label: 'org.meeting.held' },
    { field: 'noShow', label: 'org.meeting.no-show' },
    { field: 'cancelled', label: 'org.meeting.cancelled' },
    { field: 'scheduled', label: 'org.meeting.scheduled' },
  ];

/** What came of a session: meetings, ratings and outcomes by country pair, and the CSV. */
export function ReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useQuery({
    queryKey: keys.report(id),
    queryFn: () => api<SessionReport>('GET', `/sessions/${id}/report`),
  });
  const csv = useMutation({
    mutationFn: () =>
      download(`/sessions/${id}/report?format=csv`, `session-report-${id.slice(0, 8)}.csv`),
  });
  const downloading = csv.isPending;
  const pairs = (value: SessionReport, pick: (line: OutcomeLine) => Bar) =>
    value.byCountryPair.map(pick);

  return (
    <main>
      <p>
        <Link to={`/organise/sessions/${id}`}>← {t('org.session.back')}</Link>
      </p>
      <h1>{t('org.report.title')}</h1>
      <div className="actions">
        <button type="button" onClick={() => csv.mutate()} disabled={downloading}>
          {downloading ? t('common.loading') : t('org.report.csv')}
        </button>
      </div>
      {csv.isError && <ErrorBox error={csv.error} />}
      <QueryLoaded query={report}>
        {(value) => (
          <>
            <p className="lead">
              {t('org.report.summary', {
                held: value.totals.held,
                all: value.totals.scheduled + value.totals.held + value.totals.noShow,
                feedback: value.totals.feedback,
                rating: value.totals.averageRating ?? '–',
              })}
            </p>
            <p>
              {t('org.report.accepted', {
                placed: value.acceptedRequests.placed,
                pairs: value.acceptedRequests.pairs,
                percent: Math.round(value.acceptedRequests.share * 100),
              })}
            </p>
            <div className="charts">
              <BarChart
                title={t('org.report.chart.status')}
                valueHeading={t('org.report.meetings')}
                bars={STATUS_FIELDS.map(({ field, label }) => ({
                  label: t(label),
                  value: value.totals[field],
                }))}
              />
              <BarChart
                title={t('org.report.chart.held')}
                valueHeading={t('org.meeting.held')}
                bars={pairs(value, (line) => ({ label: line.countryPair, value: line.held }))}
              />
              <BarChart
                title={t('org.report.chart.rating')}
                valueHeading={t('org.report.rating')}
                max={5}
                bars={pairs(value, (line) => ({
                  label: line.countryPair,
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
                  value: value.totals.outcomes[outcome],
                }))}
              />
            </div>
            <h2>{t('org.report.byPair')}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('org.report.pair')}</th>
                    {STATUS_FIELDS.map(({ field, label }) => (
                      <th key={field} scope="col">
                        {t(label)}
                      </th>
                    ))}
                    <th scope="col">{t('org.report.rating')}</th>
                    {OUTCOMES.map((outcome) => (
                      <th key={outcome} scope="col">
                        {t(`org.outcome.${outcome}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...value.byCountryPair, value.totals].map((line) => (
                    <tr key={line.countryPair}>
                      <th scope="row">
                        {line.countryPair === 'all' ? t('org.report.all') : line.countryPair}
                      </th>
                      {STATUS_FIELDS.map(({ field }) => (
                        <td key={field}>{line[field]}</td>
                      ))}
                      <td>{line.averageRating ?? '–'}</td>
                      {OUTCOMES.map((outcome) => (
                        <td key={outcome}>{line.outcomes[outcome]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
