import { useI18n } from '../../i18n';
import type { LiveRoom } from './use-live-room';

/** What the room says of itself: reconnecting, closed, or the slot about to end. */
export function RoomNotices({ room, closed }: { room: LiveRoom; closed: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {room.connection === 'reconnecting' && (
        <div className="banner" role="status" aria-live="assertive">
          {t('live.reconnecting')}
        </div>
      )}
      {closed && (
        <p className="notice" role="status">
          {t('live.closed')}
        </p>
      )}
      {room.ending !== null && !closed && (
        <p className="notice" role="status">
          {t('live.ending', { seconds: room.ending })}
        </p>
      )}
    </>
  );
}
