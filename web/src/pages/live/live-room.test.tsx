import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LiveSessionState } from '../../live';
import { renderInApp } from '../../testing/render';

/** The room's socket: what the server sends, and how it answers `session:join`. */
const room = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const state = { current: null as unknown };
  const socket = {
    active: true,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    off: () => socket,
    emit(event: string, _payload: unknown, ack?: (answer: unknown) => void) {
      if (event === 'session:join') ack?.({ ok: true, state: state.current });
      return socket;
    },
    disconnect: () => socket,
  };
  const send = (event: string, payload?: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { socket, state, send };
});

vi.mock('../../live', () => ({
  connectLive: () => room.socket,
  ackError: (error: unknown) => error,
}));

const { default: LivePage } = await import('.');

const MINUTE = 60_000;
const now = Date.now();
const meeting = {
  id: 'm1',
  sessionId: 's1',
  slotIndex: 0,
  startsAt: new Date(now - 5 * MINUTE).toISOString(),
  endsAt: new Date(now + 15 * MINUTE).toISOString(),
  companyIds: ['c1', 'c2'],
  roomId: 'room',
  status: 'scheduled',
  origin: 'scheduled',
  fixed: false,
  companyId: 'c1',
  other: { id: 'c2', name: 'Kowloon Foods', country: 'HK', timezone: 'Asia/Hong_Kong' },
};
const state = (status: 'live' | 'closed') =>
  ({
    session: {
      id: 's1',
      title: 'Hong Kong food fair',
      mode: 'video',
      status,
      timezone: 'Asia/Hong_Kong',
      startsAt: new Date(now - 10 * MINUTE).toISOString(),
      endsAt: new Date(now + 60 * MINUTE).toISOString(),
    },
    serverTime: new Date().toISOString(),
    presence: [],
    slot: { current: null, next: null },
    companyIds: ['c1'],
    meetings: { current: meeting, next: null },
    announcements: [],
    iceServers: [],
  }) as unknown as LiveSessionState;

describe('the live room', () => {
  it('stops offering the call once an organiser closes the session', async () => {
    room.state.current = state('live');
    renderInApp(<LivePage id="s1" />);
    act(() => room.send('connect'));
    expect(await screen.findByRole('button', { name: 'Join call' })).toBeTruthy();

    room.state.current = state('closed');
    act(() => room.send('session.updated', { sessionId: 's1', status: 'closed' }));
    expect(
      await screen.findByText('This session is closed: its meetings and calls are over.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Join call' })).toBeNull();
    expect(screen.getByText('The organisers changed the session’s status: Closed.')).toBeTruthy();
  });
});
