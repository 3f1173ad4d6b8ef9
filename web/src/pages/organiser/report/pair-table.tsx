import { useI18n } from '../../../i18n';
import { useNames } from '../../../names';
import { OUTCOMES, type SessionReport } from '../types';
import { STATUS_FIELDS } from './status-fields';

/** Every figure by country pair, and the totals as the last row. */
export function PairTable({ report }: { report: SessionReport }) {
  const { t } = useI18n();
  const names = useNames();
  return (
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
          {[...report.byCountryPair, report.totals].map((line) => (
            <tr key={line.countryPair}>
              <th scope="row">
                {line.countryPair === 'all'
                  ? t('org.report.all')
                  : names.countryPair(line.countryPair)}
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
  );
}
