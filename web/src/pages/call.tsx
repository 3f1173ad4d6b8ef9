import { useEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { ackError, type LiveMeeting, type LiveSocket } from '../live';
import { useErrorText } from '../ui';

/**
 * What the two sides of a call send each other inside `rtc.signal`'s `data`:
 * - `hello`: "I joined the call" (the other side answers `welcome` and both start a connection);
 * - `welcome`: "I am here too";
 * - `description`: an SDP offer or answer; `candidate`: an ICE candidate;
 * - `bye`: "I hung up".
 * Offers may cross (both sides negotiating at once): the "perfect negotiation" pattern settles it,
 * the side with the greater company id being the polite one, which gives way.
 */
type Signal =
  | { type: 'hello' }
  | { type: 'welcome' }
  | { type: 'bye' }
  | { type: 'description'; description: RTCSessionDescriptionInit }
  | { type: 'candidate'; candidate: RTCIceCandidateInit };

type Phase = 'idle' | 'starting' | 'waiting' | 'connecting' | 'connected' | 'lost';

interface Problem {
  key: MessageKey;
  /** What went wrong, worded by `useErrorText` for the message's `{message}`. */
  error?: unknown;
}

/**
 * Call diagnostics in the browser console, off unless asked for:
 * `localStorage.setItem('tradematch.debug', 'call')`, then reload.
 */
function trace(...details: unknown[]): void {
  if (localStorage.getItem('tradematch.debug') === 'call') console.debug('call:', ...details);
}

function isSignal(data: unknown): data is Signal {
  return typeof data === 'object' && data !== null && typeof (data as Signal).type === 'string';
}

/** The one-to-one video call of a meeting, signalled through the live room's socket. */
export function VideoCall({
  socket,
  meeting,
  iceServers,
}: {
  socket: LiveSocket;
  meeting: LiveMeeting;
  iceServers: RTCIceServer[];
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [phase, setPhase] = useState<Phase>('idle');
  const [peerState, setPeerState] = useState<string>('new');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [left, setLeft] = useState(false);
  const [camera, setCamera] = useState(true);
  const [mic, setMic] = useState(true);
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const call = useRef<{ stream: MediaStream | null; pc: RTCPeerConnection | null; on: boolean }>({
    stream: null,
    pc: null,
    on: false,
  });
  const hangUpRef = useRef<() => void>(() => undefined);
  const joinRef = useRef<() => Promise<void>>(() => Promise.resolve());
  // Read when a connection opens: a new join acknowledgement does not end the call.
  const ice = useRef(iceServers);
  useEffect(() => {
    ice.current = iceServers;
  }, [iceServers]);

  useEffect(() => {
    const state = call.current;
    const polite = meeting.companyId > meeting.other.id;
    let makingOffer = false;
    let ignoreOffer = false;
    let queue: Promise<void> = Promise.resolve();
    /** Candidates that came before the description they belong to. */
    let early: RTCIceCandidateInit[] = [];
    let watchdog: ReturnType<typeof setTimeout> | undefined;

    const send = (data: Signal) =>
      socket.emit('rtc.signal', { meetingId: meeting.id, data }, (ack) => {
        if (!ack.ok) setProblem({ key: 'call.signalError', error: ackError(ack.error) });
      });

    const closePeer = () => {
      clearTimeout(watchdog);
      const pc = state.pc;
      state.pc = null;
      if (pc) {
        pc.onnegotiationneeded = null;
        pc.onicecandidate = null;
        pc.ontrack = null;
        pc.onconnectionstatechange = null;
        pc.close();
      }
      if (remoteVideo.current) remoteVideo.current.srcObject = null;
      setPeerState('closed');
    };

    /** A fresh connection to the other side, carrying our camera and microphone. */
    const openPeer = () => {
      closePeer();
      makingOffer = false;
      ignoreOffer = false;
      early = [];
      const pc = new RTCPeerConnection({ iceServers: ice.current });
      state.pc = pc;
      setPeerState(pc.connectionState);
      setPhase('connecting');
      setLeft(false);
      pc.onnegotiationneeded = async () => {
        try {
          makingOffer = true;
          trace('negotiating', pc.signalingState);
          await pc.setLocalDescription();
          if (pc.localDescription) send({ type: 'description', description: pc.localDescription });
        } catch (error) {
          console.error('call: could not make an offer', error);
        } finally {
          makingOffer = false;
        }
      };
      pc.onicecandidate = ({ candidate }) => {
        if (candidate) send({ type: 'candidate', candidate: candidate.toJSON() });
      };
      pc.ontrack = ({ track, streams }) => {
        const video = remoteVideo.current;
        if (!video) return;
        if (streams[0]) video.srcObject = streams[0];
        else {
          const stream =
            video.srcObject instanceof MediaStream ? video.srcObject : new MediaStream();
          stream.addTrack(track);
          video.srcObject = stream;
        }
      };
      pc.onconnectionstatechange = () => {
        trace('connection', pc.connectionState);
        if (state.pc !== pc) return;
        setPeerState(pc.connectionState);
        if (pc.connectionState === 'connected') setPhase('connected');
        else if (pc.connectionState === 'disconnected') setPhase('lost');
        else if (pc.connectionState === 'failed') {
          setPhase('lost');
          pc.restartIce();
        }
      };
      // The impolite side offers first; the polite side adds its tracks to that offer's answer
      // (so the first offers never cross, which in Chromium can lose the ICE candidates).
      if (!polite) addTracks(pc);
      // Stuck (an offer or candidates lost on the way)? The impolite side starts again.
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        if (state.pc === pc && state.on && !polite && pc.connectionState !== 'connected')
          send({ type: 'hello' });
      }, 10_000);
    };

    const addTracks = (pc: RTCPeerConnection) => {
      if (pc.getSenders().some((sender) => sender.track)) return;
      for (const track of state.stream?.getTracks() ?? []) pc.addTrack(track, state.stream!);
    };

    const handle = async (signal: Signal) => {
      if (!state.on) return;
      trace('got', signal.type, state.pc?.signalingState ?? 'no connection');
      switch (signal.type) {
        case 'hello':
          // The other side (re)joined: start again from a fresh connection, and say we are here.
          openPeer();
          send({ type: 'welcome' });
          return;
        case 'welcome':
          openPeer();
          return;
        case 'bye':
          closePeer();
          setLeft(true);
          setPhase('waiting');
          return;
        case 'description': {
          const pc = state.pc;
          if (!pc) return;
          const { description } = signal;
          const collision =
            description.type === 'offer' && (makingOffer || pc.signalingState !== 'stable');
          ignoreOffer = !polite && collision;
          if (ignoreOffer) return;
          await pc.setRemoteDescription(description); // Rolls our own offer back if need be.
          for (const candidate of early.splice(0))
            await pc.addIceCandidate(candidate).catch(() => undefined);
          if (description.type === 'offer') {
            addTracks(pc);
            await pc.setLocalDescription();
            if (pc.localDescription)
              send({ type: 'description', description: pc.localDescription });
          }
          return;
        }
        case 'candidate': {
          const pc = state.pc;
          if (!pc) return;
          if (!pc.remoteDescription) {
            early.push(signal.candidate);
            return;
          }
          try {
            await pc.addIceCandidate(signal.candidate);
          } catch (error) {
            if (!ignoreOffer) throw error;
          }
          return;
        }
      }
    };

    const onSignal = (event: { meetingId: string; fromCompanyId: string; data: unknown }) => {
      if (event.meetingId !== meeting.id || !isSignal(event.data)) return;
      const signal = event.data;
      // One at a time, in the order they came: a description is applied before its candidates.
      queue = queue
        .then(() => handle(signal))
        .catch((error) => console.error('call: signal not applied', error));
    };
    socket.on('rtc.signal', onSignal);

    joinRef.current = async () => {
      if (state.on) return;
      setProblem(null);
      setLeft(false);
      setPhase('starting');
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
        state.stream = stream;
        state.on = true;
        setCamera(true);
        setMic(true);
        if (localVideo.current) localVideo.current.srcObject = stream;
        setPhase('waiting');
        send({ type: 'hello' });
      } catch (error) {
        setPhase('idle');
        const name = error instanceof DOMException ? error.name : '';
        if (name === 'NotAllowedError' || name === 'SecurityError')
          setProblem({ key: 'call.refused' });
        else if (name === 'NotFoundError' || name === 'OverconstrainedError')
          setProblem({ key: 'call.noDevice' });
        else setProblem({ key: 'call.deviceError', error });
      }
    };

    const stop = (tell: boolean) => {
      if (state.on && tell) send({ type: 'bye' });
      state.on = false;
      closePeer();
      for (const track of state.stream?.getTracks() ?? []) track.stop();
      state.stream = null;
      if (localVideo.current) localVideo.current.srcObject = null;
    };
    hangUpRef.current = () => {
      stop(true);
      setPhase('idle');
      setPeerState('new');
    };

    // Closing the tab says goodbye too, so that the other side is not left waiting for a return.
    const onPageHide = () => stop(true);
    window.addEventListener('pagehide', onPageHide);

    return () => {
      window.removeEventListener('pagehide', onPageHide);
      socket.off('rtc.signal', onSignal);
      stop(true);
    };
  }, [socket, meeting.id, meeting.companyId, meeting.other.id]);

  const toggle = (kind: 'video' | 'audio') => {
    const on = kind === 'video' ? !camera : !mic;
    for (const track of call.current.stream?.getTracks() ?? [])
      if (track.kind === kind) track.enabled = on;
    if (kind === 'video') setCamera(on);
    else setMic(on);
  };

  const name = meeting.other.name;
  const inCall = phase !== 'idle' && phase !== 'starting';
  const status: { key: MessageKey; tone: string } | null =
    phase === 'starting'
      ? { key: 'call.starting', tone: '' }
      : phase === 'waiting'
        ? { key: 'call.waiting', tone: '' }
        : phase === 'connecting'
          ? { key: 'call.connecting', tone: '' }
          : phase === 'connected'
            ? { key: 'call.connected', tone: 'ok' }
            : phase === 'lost'
              ? { key: 'call.lost', tone: 'warn' }
              : null;

  return (
    <section aria-labelledby="call" className="call" data-phase={phase} data-peer-state={peerState}>
      <h2 id="call">{t('call.title')}</h2>
      <p>{t('call.with', { name, country: meeting.other.country })}</p>
      {problem && (
        <div className="error" role="alert">
          {t(problem.key, { message: problem.error === undefined ? '' : errorText(problem.error) })}
        </div>
      )}
      {left && (
        <p className="notice" role="status">
          {t('call.left', { name })}
        </p>
      )}
      <p className={status ? `notice ${status.tone}` : 'muted'} role="status" aria-live="polite">
        {status ? t(status.key, { name }) : t('call.idle')}
      </p>
      <div className="videos" hidden={!inCall}>
        <figure>
          <video
            ref={remoteVideo}
            className="remote"
            autoPlay
            playsInline
            aria-label={name}
            data-testid="remote-video"
          />
          <figcaption>{name}</figcaption>
        </figure>
        <figure>
          <video
            ref={localVideo}
            className="local"
            autoPlay
            playsInline
            muted
            aria-label={t('call.you')}
            data-testid="local-video"
          />
          <figcaption>{t('call.you')}</figcaption>
        </figure>
      </div>
      <div className="actions">
        {!inCall ? (
          <button
            type="button"
            onClick={() => void joinRef.current()}
            disabled={phase === 'starting'}
          >
            {t('call.join')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="secondary"
              aria-pressed={!camera}
              onClick={() => toggle('video')}
            >
              {camera ? t('call.cameraOff') : t('call.cameraOn')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-pressed={!mic}
              onClick={() => toggle('audio')}
            >
              {mic ? t('call.micOff') : t('call.micOn')}
            </button>
            <button type="button" className="danger" onClick={() => hangUpRef.current()}>
              {t('call.hangUp')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
