import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import type { LiveSessionState, LiveSlot } from '../../live';
import { useSlotClock } from './use-slot-clock';

/** The slot clock counting down, the next slot, and the firm's current and next meeting. */
export function SlotSection({
  slot,
  offset,
  meetings,
}: {
  slot: { current: LiveSlot | null; next: LiveSlot | null };
  offset: number;
  meetings: LiveSessionState['meetings'];
}) {
  const { t, when } = useI18n();
  const names = useNames();
  const { msLeft, left } = useSlotClock(slot.current, offset);
  const { current, next } = meetings;
  return (
    <section aria-labelledby="slot">
      <h2 id="slot">{t('live.slot')}</h2>
      {slot.current && msLeft > 0 ? (
        <p className="clock" aria-live="off">
          {t('live.slotLeft', { index: slot.current.index + 1, left })}
        </p>
      ) : (
        <p>{t('live.between')}</p>
      )}
      {slot.next && (
        <p className="muted">{t('live.nextSlot', { time: when(slot.next.startsAt) })}</p>
      )}
      {current && (
        <p className="notice ok">
          {t('live.meetingNow', {
            name: current.other.name,
            country: names.country(current.other.country),
          })}
        </p>
      )}
      {next ? (
        <p>
          {t('live.meetingNext', {
            name: next.other.name,
            country: names.country(next.other.country),
            time: when(next.startsAt),
          })}
        </p>
      ) : (
        !current && <p className="muted">{t('live.noMeeting')}</p>
      )}
    </section>
  );
}
