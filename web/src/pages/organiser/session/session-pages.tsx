import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import type { OrganiserSessionDetail } from '../types';
import { EDITABLE_STATES } from './editable-states';

/** Links to the session's other pages: edit (while allowed), board, report, live room. */
export function SessionPages({ detail }: { detail: OrganiserSessionDetail }) {
  const { t } = useI18n();
  const id = detail.id;
  return (
    <nav className="actions" aria-label={t('org.session.pages')}>
      {EDITABLE_STATES.includes(detail.status) && (
        <Link to={`/organise/sessions/${id}/edit`}>{t('org.session.edit')}</Link>
      )}
      <Link to={`/organise/sessions/${id}/schedule`}>{t('org.board.title')}</Link>
      <Link to={`/organise/sessions/${id}/report`}>{t('org.report.title')}</Link>
      {detail.status !== 'draft' && (
        <Link to={`/sessions/${id}/live`}>{t('org.session.liveRoom')}</Link>
      )}
    </nav>
  );
}
