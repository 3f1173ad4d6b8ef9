import { useI18n } from '../../../i18n';
import type { Participant, PlacementReport } from '../types';
import { namer } from './name-of';
import { PlacementGaps } from './placement-gaps';
import { UnplacedRequests } from './unplaced-requests';

/**
 * How many requested pairs scheduling placed, by kind, and why the others were not; the gaps in
 * the firms' days, those of the schedule shown (as it stands, after any change by hand).
 */
export function PlacementReportSection({
  report,
  names,
}: {
  report: PlacementReport | null;
  names: Map<string, Participant>;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="placement">
      <h2 id="placement">{t('org.placement.title')}</h2>
      {report === null ? (
        <p className="muted">{t('org.placement.none')}</p>
      ) : (
        <>
          <p>
            {t('org.placement.summary', {
              placed: report.placed.mutual + report.placed.accepted + report.placed.pending,
              requested:
                report.requested.mutual + report.requested.accepted + report.requested.pending,
              percent: Math.round(report.placedShare * 100),
              byScore: report.placed.score,
            })}
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('org.placement.kind')}</th>
                  <th scope="col">{t('org.placement.requested')}</th>
                  <th scope="col">{t('org.placement.placed')}</th>
                </tr>
              </thead>
              <tbody>
                {(['mutual', 'accepted', 'pending'] as const).map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{t(`org.placement.kind.${kind}`)}</th>
                    <td>{report.requested[kind]}</td>
                    <td>{report.placed[kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <UnplacedRequests unplaced={report.unplaced} nameOf={namer(names)} />
          <h3>{t('org.placement.gapsTitle')}</h3>
          <PlacementGaps gaps={report.gaps} nameOf={namer(names)} />
        </>
      )}
    </section>
  );
}
