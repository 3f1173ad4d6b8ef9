import { useI18n } from '../../../i18n';
import type { PlacementReport } from '../types';

/** The requests scheduling could not place, each with its kind and the reason. */
export function UnplacedRequests({
  unplaced,
  nameOf,
}: {
  unplaced: PlacementReport['unplaced'];
  nameOf: (companyId: string) => string;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('org.placement.unplaced', { count: unplaced.length })}</h3>
      {unplaced.length === 0 ? (
        <p className="muted">{t('org.placement.allPlaced')}</p>
      ) : (
        <ul className="plain unplaced">
          {unplaced.map((request) => (
            <li key={request.requestIds.join()}>
              <strong>
                {nameOf(request.companyIds[0])} ↔ {nameOf(request.companyIds[1])}
              </strong>{' '}
              <span className="badge">{t(`org.placement.kind.${request.kind}`)}</span>
              <div>{t(`org.placement.reason.${request.reason}`)}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
