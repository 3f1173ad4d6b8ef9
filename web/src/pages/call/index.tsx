import { useI18n } from '../../i18n';
import { useNames } from '../../names';
import { useErrorText } from '../../ui';
import type { LiveMeeting, LiveSocket } from '../../live';
import { CallControls } from './call-controls';
import { callStatus } from './call-status';
import { CallVideos } from './call-videos';
import { useMeetingTime } from './use-meeting-time';
import { useVideoCall } from './use-video-call';

/** The one-to-one video call of a meeting, signalled through the live room's socket. */
export function VideoCall({
  socket,
  meeting,
  iceServers,
  offset = 0,
}: {
  socket: LiveSocket;
  meeting: LiveMeeting;
  iceServers: RTCIceServer[];
  /** How far the server's clock is ahead of this one, in ms. */
  offset?: number;
}) {
  const { t } = useI18n();
  const names = useNames();
  const errorText = useErrorText();
  const call = useVideoCall(socket, meeting, iceServers);
  const { phase, problem } = call;
  const name = meeting.other.name;
  const inCall = phase !== 'idle' && phase !== 'starting';
  const status = callStatus(phase);
  const time = useMeetingTime(meeting, offset);
  const idle = time === 'before' ? 'call.idle' : time === 'during' ? 'call.idleNow' : 'call.ended';

  return (
    <section
      aria-labelledby="call"
      className="call"
      data-phase={phase}
      data-peer-state={call.peerState}
    >
      <h2 id="call">{t('call.title')}</h2>
      <p>{t('call.with', { name, country: names.country(meeting.other.country) })}</p>
      {problem && (
        <div className="error" role="alert">
          {t(problem.key, { message: problem.error === undefined ? '' : errorText(problem.error) })}
        </div>
      )}
      {call.left && (
        <p className="notice" role="status">
          {t('call.left', { name })}
        </p>
      )}
      <p className={status ? `notice ${status.tone}` : 'muted'} role="status" aria-live="polite">
        {status ? t(status.key, { name }) : t(idle)}
      </p>
      <CallVideos
        name={name}
        hidden={!inCall}
        remoteVideo={call.remoteVideo}
        localVideo={call.localVideo}
      />
      <CallControls
        inCall={inCall}
        over={time === 'after'}
        starting={phase === 'starting'}
        camera={call.camera}
        mic={call.mic}
        onJoin={call.join}
        onToggle={call.toggle}
        onHangUp={call.hangUp}
      />
    </section>
  );
}
