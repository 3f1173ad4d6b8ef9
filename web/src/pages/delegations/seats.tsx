import { useI18n } from '../../i18n';
import type { Delegation } from './types';

/** Seats taken and left, or full with the waitlist. */
export function Seats({ delegation }: { delegation: Delegation }) {
  const { t } = useI18n();
  return delegation.seatsLeft > 0 ? (
    <span>
      {t('delegations.seats', {
        accepted: delegation.acceptedCount,
        capacity: delegation.capacity,
        left: delegation.seatsLeft,
      })}
    </span>
  ) : (
    <>
      <span className="badge full">{t('delegations.full', { capacity: delegation.capacity })}</span>
      {delegation.waitlistedCount > 0 && (
        <span className="muted">
          {' '}
          · {t('delegations.waitlist', { count: delegation.waitlistedCount })}
        </span>
      )}
    </>
  );
}
