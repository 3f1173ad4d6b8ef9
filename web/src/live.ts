import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  WireError,
} from '../../src/live/live.wire';
import { ApiError, storedToken } from './api';

// The live room's wire format is the server's own, from a file of plain types both sides import.
export type {
  Announcement,
  LiveAck,
  LiveMeeting,
  LivePresence,
  PresenceChange,
  PresencePage,
  LiveSessionState,
  LiveSlot,
  PresenceUser,
  ServerToClientEvents,
  WireRequest,
} from '../../src/live/live.wire';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket to the `/live` namespace of this origin, authenticated with the stored token. */
export function connectLive(): LiveSocket {
  return io('/live', {
    auth: (send) => send({ token: storedToken() ?? '' }),
    // WebSocket only: no sticky sessions needed in front of several API processes.
    transports: ['websocket'],
    reconnectionDelayMax: 5000,
  });
}

/** A refusal in a live acknowledgement, which has the HTTP API's error shape, as an `ApiError`. */
export function ackError(error: WireError): ApiError {
  return new ApiError(error.statusCode, error.message, error.code, error.fields);
}
