import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { QueryLoaded } from '../../../queries';
import { ErrorBox } from '../../../ui';
import { PairTable } from './pair-table';
import { ReportCharts } from './report-charts';
import { ReportSummary } from './report-summary';
import { useMeetingsCsv, useReport, useReportCsv } from './use-report';

/** What came of a session: meetings, ratings and outcomes by country pair, and the CSV files. */
export function ReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useReport(id);
  const csv = useReportCsv(id);
  const meetingsCsv = useMeetingsCsv(id);

  return (
    <main>
      <p>
        <Link to={`/organise/sessions/${id}`}>← {t('org.session.back')}</Link>
      </p>
      <h1>{t('org.report.title')}</h1>
      <div className="actions">
        <button type="button" onClick={() => csv.mutate()} disabled={csv.isPending}>
          {csv.isPending ? t('common.loading') : t('org.report.csv')}
        </button>
        <button type="button" onClick={() => meetingsCsv.mutate()} disabled={meetingsCsv.isPending}>
          {meetingsCsv.isPending ? t('common.loading') : t('org.report.meetingsCsv')}
        </button>
      </div>
      {csv.isError && <ErrorBox error={csv.error} />}
      {meetingsCsv.isError && <ErrorBox error={meetingsCsv.error} />}
      <QueryLoaded query={report}>
        {(value) => (
          <>
            <ReportSummary totals={value.totals} />
            <p>
              {t('org.report.accepted', {
                placed: value.acceptedRequests.placed,
                pairs: value.acceptedRequests.pairs,
                percent: Math.round(value.acceptedRequests.share * 100),
              })}
            </p>
            <ReportCharts report={value} />
            <h2>{t('org.report.byPair')}</h2>
            <PairTable report={value} />
          </>
        )}
      </QueryLoaded>
    </main>
  );
}
