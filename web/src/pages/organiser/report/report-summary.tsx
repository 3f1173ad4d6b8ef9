import { useI18n } from '../../../i18n';
import type { SessionReport } from '../types';

/**
 * The session in two sentences: its meetings by what became of them, then the ratings, or that
 * there are none yet (never a rating beside "0 held": a meeting with feedback counts as held).
 */
export function ReportSummary({ totals }: { totals: SessionReport['totals'] }) {
  const { t } = useI18n();
  return (
    <p className="lead">
      {t('org.report.summary', {
        all: totals.scheduled + totals.held + totals.noShow,
        held: totals.held,
        noShow: totals.noShow,
        upcoming: totals.scheduled,
      })}{' '}
      {totals.feedback > 0 && totals.averageRating !== null
        ? t('org.report.ratings', { feedback: totals.feedback, rating: totals.averageRating })
        : t('org.report.noRatings')}
    </p>
  );
}
