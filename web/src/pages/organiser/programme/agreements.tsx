import type { ProgrammeReport } from '../../../../../src/programme/programme.wire';
import { useI18n } from '../../../i18n';

/** The agreements due for renewal, called out first: what the officer must act on. */
export function DueForRenewal({
  report,
  partnerName,
}: {
  report: ProgrammeReport;
  partnerName: (partnerId: string) => string;
}) {
  const { t, date } = useI18n();
  const due = report.agreements.filter((agreement) => agreement.effectiveStatus === 'renewal-due');
  return (
    <section className="callout programme-due" aria-labelledby="programme-due">
      <h2 id="programme-due">{t('programme.due.title')}</h2>
      {due.length === 0 ? (
        <p>{t('programme.due.none')}</p>
      ) : (
        <ul>
          {due.map((agreement) => (
            <li key={agreement.id}>
              {t('programme.due.item', {
                name: partnerName(agreement.partnerId),
                title: agreement.title,
                date: agreement.expiresOn
                  ? date(agreement.expiresOn)
                  : t('programme.agreements.noDate'),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every agreement of the partners in scope with its dates and its status today. */
export function AgreementsTable({
  report,
  partnerName,
}: {
  report: ProgrammeReport;
  partnerName: (partnerId: string) => string;
}) {
  const { t, date } = useI18n();
  if (report.agreements.length === 0)
    return <p className="muted">{t('programme.agreements.none')}</p>;
  const day = (value: string | null) => (value ? date(value) : t('programme.agreements.noDate'));
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('programme.agreements.title')}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">{t('programme.col.partner')}</th>
            <th scope="col">{t('programme.agreements.col.title')}</th>
            <th scope="col">{t('programme.agreements.col.signed')}</th>
            <th scope="col">{t('programme.agreements.col.expires')}</th>
            <th scope="col">{t('programme.agreements.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {report.agreements.map((agreement) => (
            <tr
              key={agreement.id}
              className={agreement.effectiveStatus === 'renewal-due' ? 'due' : undefined}
            >
              <td>{partnerName(agreement.partnerId)}</td>
              <td>{agreement.title}</td>
              <td>{day(agreement.signedOn)}</td>
              <td>{day(agreement.expiresOn)}</td>
              <td>{t(`programme.status.${agreement.effectiveStatus}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
