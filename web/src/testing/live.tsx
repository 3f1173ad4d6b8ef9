import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { LiveSessionState } from '../live';
import { useLiveSync, type LiveEventSource } from '../live-sync';

/** A stand-in for the live socket: the test says what the server sends. */
export class FakeSocket implements LiveEventSource {
  private readonly listeners = new Map<string, ((payload: unknown) => void)[]>();
  recovered = false;
  disconnect = vi.fn();

  on(event: string, listener: (payload: never) => void): this {
    this.listeners.set(event, [
      ...(this.listeners.get(event) ?? []),
      listener as (payload: unknown) => void,
    ]);
    return this;
  }

  /** The server sends an event. */
  send(event: string, payload?: unknown): void {
    act(() => {
      for (const listener of this.listeners.get(event) ?? []) listener(payload);
    });
  }
}

/** The app's live connection, over the fake socket, beside the page under test. */
export function withLive(socket: FakeSocket) {
  const connect = () => Promise.resolve(socket);
  function Live() {
    useLiveSync('u1', connect);
    return null;
  }
  return Live;
}

type RoomPresence = LiveSessionState['presence'];

/**
 * What `session:join` answers for a live session in a room test: session `s1`, running from ten
 * minutes ago for an hour, the caller of company `c1` with no meeting and nobody else present,
 * unless `change` says otherwise.
 */
export function liveRoomState(
  change: {
    session?: Partial<LiveSessionState['session']>;
    presence?: Partial<RoomPresence>;
    meetings?: Partial<LiveSessionState['meetings']>;
  } = {},
): LiveSessionState {
  const minute = 60_000;
  return {
    session: {
      id: 's1',
      title: 'Hong Kong food fair',
      mode: 'video',
      status: 'live',
      timezone: 'Asia/Hong_Kong',
      startsAt: new Date(Date.now() - 10 * minute).toISOString(),
      endsAt: new Date(Date.now() + 60 * minute).toISOString(),
      ...change.session,
    },
    serverTime: new Date().toISOString(),
    presence: {
      count: 1,
      version: 7,
      partnerCompanyIds: [],
      partners: [],
      page: { users: [], next: null },
      changes: null,
      ...change.presence,
    },
    slot: { current: null, next: null },
    companyIds: ['c1'],
    meetings: { current: null, next: null, ...change.meetings },
    announcements: [],
    iceServers: [],
  } as unknown as LiveSessionState;
}
