import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LiveSessionState } from '../../live';
import { liveRoomState } from '../../testing/live';
import { renderInApp } from '../../testing/render';

/** The room's socket: what the server sends, and how it answers `session:join`. */
const room = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const state = { current: null as unknown, page: null as unknown };
  const joins: unknown[] = [];
  const pages: unknown[] = [];
  const socket = {
    active: true,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    off: () => socket,
    emit(event: string, _payload: unknown, ack?: (answer: unknown) => void) {
      if (event === 'session:join') {
        joins.push(_payload);
        ack?.({ ok: true, state: state.current });
      }
      return socket;
    },
    emitWithAck(event: string, payload: unknown) {
      pages.push(payload);
      return Promise.resolve(event === 'presence:page' ? state.page : { ok: false });
    },
    disconnect: () => socket,
  };
  const send = (event: string, payload?: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { socket, state, send, joins, pages };
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
const visitor = (userId: string, name: string, companyId = 'c9') => ({
  userId,
  name,
  role: 'member',
  companies: [{ id: companyId, name: `${name} Ltd`, country: 'HK' }],
});
const state = (status: 'live' | 'closed') =>
  liveRoomState({
    session: { status },
    presence: {
      count: 3,
      partnerCompanyIds: ['c2'],
      page: { users: [visitor('u1', 'Ada Wong')], next: 'YWRh' },
    },
    meetings: { current: meeting as LiveSessionState['meetings']['current'] },
  });

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

  it('shows the count and the partners, pages the room on request and follows its changes', async () => {
    room.state.current = state('live');
    renderInApp(<LivePage id="s1" />);
    act(() => room.send('connect'));
    expect(await screen.findByRole('heading', { name: 'Online now (3)' })).toBeTruthy();
    expect(screen.getByText('Nobody from the firms you meet is here yet.')).toBeTruthy();
    // A partner arrives; so does someone else, who sorts within the loaded page.
    act(() =>
      room.send('presence', {
        sessionId: 's1',
        changes: [
          { user: visitor('u2', 'Kowloon Kim', 'c2'), online: true },
          { user: visitor('u3', 'Aaron Lee'), online: true },
        ],
        omitted: 0,
        count: 5,
        version: 9,
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Online now (5)' })).toBeTruthy();
    expect(screen.getByText('Kowloon Kim')).toBeTruthy();
    // An older batch (from another process) does not take the count back.
    act(() =>
      room.send('presence', { sessionId: 's1', changes: [], omitted: 0, count: 4, version: 8 }),
    );
    expect(screen.getByRole('heading', { name: 'Online now (5)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show everyone online' }));
    const list = () => screen.getAllByRole('list').at(-1)!;
    expect(within(list()).getByText('Aaron Lee')).toBeTruthy();
    expect(within(list()).getByText('Ada Wong')).toBeTruthy();
    room.state.page = { ok: true, page: { users: [visitor('u4', 'Zed Chan')], next: null } };
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await within(list()).findByText('Zed Chan')).toBeTruthy();
    expect(room.pages.at(-1)).toEqual({ sessionId: 's1', after: 'YWRh' });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();

    // Too many changes to list: the count follows, the list offers to load again.
    act(() =>
      room.send('presence', {
        sessionId: 's1',
        changes: [],
        omitted: 120,
        count: 125,
        version: 130,
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Online now (125)' })).toBeTruthy();
    room.state.page = { ok: true, page: { users: [visitor('u5', 'Bea Ho')], next: null } };
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the list' }));
    expect(await within(list()).findByText('Bea Ho')).toBeTruthy();
    expect(within(list()).queryByText('Zed Chan')).toBeNull();
    // The partner leaves, told apart from the room's batch.
    act(() =>
      room.send('presence.partners', {
        sessionId: 's1',
        changes: [{ user: visitor('u2', 'Kowloon Kim', 'c2'), online: false }],
      }),
    );
    expect(await screen.findByText('Nobody from the firms you meet is here yet.')).toBeTruthy();

    // Joining again (a reconnection) sends the version held, to be sent the changes only.
    act(() => room.send('connect'));
    expect(room.joins.at(-1)).toEqual({ sessionId: 's1', since: 130 });
  });
});
