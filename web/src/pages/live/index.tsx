import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { Loading, useErrorText } from '../../ui';
import { VideoCall } from '../call';
import { ActivityList } from './activity-list';
import { Announcements } from './announcements';
import { PresenceList } from './presence-list';
import { SlotSection } from './slot-section';
import { RoomNotices } from './room-notices';
import { useLiveRoom } from './use-live-room';

/** The live room of a session: presence, the slot clock, your meetings, announcements, activity. */
export default function LivePage({ id }: { id: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const room = useLiveRoom(id);
  const { state, presence } = room;

  if (typeof room.connection === 'object')
    return (
      <main>
        <div className="error" role="alert">
          {t('live.refused', { message: errorText(room.connection.refused) })}
        </div>
      </main>
    );
  if (!state || !presence)
    return (
      <main>
        <p role="status">{t('live.connecting')}</p>
        <Loading />
      </main>
    );

  const { current, next } = state.meetings;
  const closed = state.session.status === 'closed';
  // Firms may test the call before their meeting: signalling is open until it ends. A closed
  // session (also closed while the room is open) offers no call.
  const callMeeting = state.session.mode === 'video' && !closed ? (current ?? next) : null;
  return (
    <main>
      <Link to={`/sessions/${id}`}>← {state.session.title}</Link>
      <h1>
        {t('live.title')}: {state.session.title}
      </h1>
      <RoomNotices room={room} closed={closed} />
      {room.socket && callMeeting?.roomId && (
        <VideoCall
          key={callMeeting.id}
          socket={room.socket}
          meeting={callMeeting}
          iceServers={state.iceServers ?? []}
          offset={room.offset}
        />
      )}
      <div className="columns">
        <SlotSection slot={room.slot} offset={room.offset} meetings={state.meetings} />
        <PresenceList
          presence={presence}
          load={room.loadPresence}
          connected={room.connection === 'connected'}
        />
      </div>
      <div className="columns">
        <Announcements announcements={room.announcements} />
        {room.activity.length > 0 && (
          <ActivityList activity={room.activity} companyIds={state.companyIds} />
        )}
      </div>
    </main>
  );
}
