import { useI18n } from '../../i18n';
import { listOf, taxonomyLabel } from '../../names';
import { StatusBadge } from './status';
import type { Agreement } from './types';

/** One agreement: its status, dates, counterpart, forms, areas, document and place in its chain. */
export function AgreementCard({
  agreement,
  titleOf,
  actions,
}: {
  agreement: Agreement;
  /** The title of another agreement of the partner (for the chain of renewals). */
  titleOf: (id: string) => string;
  actions?: React.ReactNode;
}) {
  const { t, date, language } = useI18n();
  return (
    <li
      className={
        agreement.status === 'renewal-due' ? 'card agreement renewal-due' : 'card agreement'
      }
      id={`agreement-${agreement.id}`}
    >
      <h3>
        {agreement.title} <StatusBadge status={agreement.status} t={t} />
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('partners.agreement.signedOn')}</dt>
          <dd>{agreement.signedOn ? date(agreement.signedOn) : t('partners.notSigned')}</dd>
        </div>
        <div>
          <dt>{t('partners.agreement.expiresOn')}</dt>
          <dd>{agreement.expiresOn ? date(agreement.expiresOn) : t('partners.openEnded')}</dd>
        </div>
        {agreement.counterpart && (
          <div>
            <dt>{t('partners.agreement.counterpart')}</dt>
            <dd>{agreement.counterpart}</dd>
          </div>
        )}
        {agreement.forms.length > 0 && (
          <div>
            <dt>{t('partners.agreement.forms')}</dt>
            <dd>
              {listOf(
                agreement.forms.map((form) => t(`partners.form.${form}`)),
                language,
              )}
            </dd>
          </div>
        )}
        {agreement.priorityAreas.length > 0 && (
          <div>
            <dt>{t('partners.priorityAreas')}</dt>
            <dd>
              {listOf(
                agreement.priorityAreas.map((code) => taxonomyLabel(code, t)),
                language,
              )}
            </dd>
          </div>
        )}
        {agreement.documentUrl && (
          <div>
            <dt>{t('partners.agreement.document')}</dt>
            <dd>
              <a href={agreement.documentUrl} target="_blank" rel="noopener noreferrer">
                {t('partners.agreement.openDocument')}
              </a>
            </dd>
          </div>
        )}
        {agreement.renews && (
          <div>
            <dt>{t('partners.history.renews')}</dt>
            <dd>
              <a href={`#agreement-${agreement.renews}`}>{titleOf(agreement.renews)}</a>
            </dd>
          </div>
        )}
        {agreement.renewedBy && (
          <div>
            <dt>{t('partners.history.renewedBy')}</dt>
            <dd>
              <a href={`#agreement-${agreement.renewedBy}`}>{titleOf(agreement.renewedBy)}</a>
            </dd>
          </div>
        )}
      </dl>
      {actions}
    </li>
  );
}
