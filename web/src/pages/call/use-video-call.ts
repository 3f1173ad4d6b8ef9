import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { ackError, type LiveMeeting, type LiveSocket } from '../../live';
import { isSignal, trace, type Signal } from './signal';

export type Phase = 'idle' | 'starting' | 'waiting' | 'connecting' | 'connected' | 'lost';

export interface Problem {
  key: MessageKey;
  /** What went wrong, worded by `useErrorText` for the message's `{message}`. */
  error?: unknown;
}

/**
 * The one-to-one call of a meeting over WebRTC, signalled through the live room's socket: the
 * camera and microphone, the peer connection, and what the view shows of them.
 */
export function useVideoCall(socket: LiveSocket, meeting: LiveMeeting, iceServers: RTCIceServer[]) {
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
        makingOffer = true;
        try {
          trace('negotiating', pc.signalingState);
          await pc.setLocalDescription();
          if (pc.localDescription) send({ type: 'description', description: pc.localDescription });
        } catch (error) {
          console.error('call: could not make an offer', error);
        }
        makingOffer = false;
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

  return {
    phase,
    peerState,
    problem,
    left,
    camera,
    mic,
    localVideo,
    remoteVideo,
    join: () => void joinRef.current(),
    hangUp: () => hangUpRef.current(),
    toggle,
  };
}
