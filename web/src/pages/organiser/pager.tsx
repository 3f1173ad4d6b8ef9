import { useI18n } from '../../i18n';

/**
 * Previous and next page of a paginated list, with where the viewer is; "about" when the server
 * estimated the total (a list past 1,000 rows). A list that gives `nextCursor` says itself whether a
 * page follows (an estimate may be short of the truth).
 */
export function Pager({
  page,
  pageSize,
  total,
  totalIsEstimate = false,
  nextCursor,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalIsEstimate?: boolean;
  nextCursor?: string | null;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const more = nextCursor === undefined ? page < pages : nextCursor !== null;
  if (page <= 1 && !more) return null;
  return (
    <nav className="pager" aria-label={t('org.pager.label')}>
      <button
        type="button"
        className="secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('org.pager.previous')}
      </button>
      <span>
        {t(totalIsEstimate ? 'org.pager.whereAbout' : 'org.pager.where', { page, pages, total })}
      </span>
      <button type="button" className="secondary" disabled={!more} onClick={() => onPage(page + 1)}>
        {t('org.pager.next')}
      </button>
    </nav>
  );
}
