import { useI18n } from '../../i18n';

/** Previous and next page of a paginated list, with where the viewer is. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
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
      <span>{t('org.pager.where', { page, pages, total })}</span>
      <button
        type="button"
        className="secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('org.pager.next')}
      </button>
    </nav>
  );
}
