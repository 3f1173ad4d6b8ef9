import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { Loading, useErrorText } from '../../ui';
import { VideoCall } from '../call';
import { ActivityList } from './activity-list';
import { Announcements } from './announcements';
import { PresenceList } from './presence-list';
import { SlotSection } from './slot-section';
import { useLiveRoom } from './use-live-room';

/** The live room of a session: presence, the slot clock, your meetings, announcements, activity. */
export default function LivePage({ id }: { id: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const {
    connection,
    state,
    presence,
    loadPresence,
    announcements,
    slot,
    ending,
    activity,
    offset,
    socket,
  } = useLiveRoom(id);

  if (typeof connection === 'object')
    return (
      <main>
        <div className="error" role="alert">
          {t('live.refused', { message: errorText(connection.refused) })}
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
      {connection === 'reconnecting' && (
        <div className="banner" role="status" aria-live="assertive">
          {t('live.reconnecting')}
        </div>
      )}
      {closed && (
        <p className="notice" role="status">
          {t('live.closed')}
        </p>
      )}
      {ending !== null && !closed && (
        <p className="notice" role="status">
          {t('live.ending', { seconds: ending })}
        </p>
      )}
      {socket && callMeeting?.roomId && (
        <VideoCall
          key={callMeeting.id}
          socket={socket}
          meeting={callMeeting}
          iceServers={state.iceServers ?? []}
          offset={offset}
        />
      )}
      <div className="columns">
        <SlotSection slot={slot} offset={offset} meetings={state.meetings} />
        <PresenceList presence={presence} load={loadPresence} />
      </div>
      <div className="columns">
        <Announcements announcements={announcements} />
        {activity.length > 0 && <ActivityList activity={activity} companyIds={state.companyIds} />}
      </div>
    </main>
  );
}
