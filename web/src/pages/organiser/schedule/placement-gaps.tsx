import { duration } from '../../../duration';
import { useI18n } from '../../../i18n';
import type { PlacementReport } from '../types';

/**
 * The gaps in the firms' days, as the server counts them for the schedule shown: the total, the
 * firms with gaps and how far apart they are, then each firm with gaps and its idle time.
 */
export function PlacementGaps({
  gaps,
  nameOf,
}: {
  gaps: PlacementReport['gaps'];
  nameOf: (companyId: string) => string;
}) {
  const { t } = useI18n();
  const withGaps = gaps.companies.filter((company) => company.breaks > 0);
  if (gaps.totalBreaks === 0) return <p>{t('org.placement.gapsNone')}</p>;
  return (
    <>
      <p>
        {t('org.placement.gaps', {
          total: gaps.totalBreaks,
          firms: gaps.companiesWithBreaks,
          idle: duration(t, gaps.idleMinutes),
          spread: gaps.breakSpread,
        })}
      </p>
      <div className="table-scroll">
        <table>
          <caption>{t('org.placement.gapFirms')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('org.placement.gapFirm')}</th>
              <th scope="col">{t('org.placement.gapCount')}</th>
              <th scope="col">{t('org.placement.gapIdle')}</th>
            </tr>
          </thead>
          <tbody>
            {withGaps.map((company) => (
              <tr key={company.companyId}>
                <th scope="row">{nameOf(company.companyId)}</th>
                <td>{company.breaks}</td>
                <td>{duration(t, company.idleMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
