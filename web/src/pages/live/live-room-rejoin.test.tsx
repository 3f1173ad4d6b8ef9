import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PresencePage } from '../../live';
import { liveRoomState } from '../../testing/live';
import { renderInApp } from '../../testing/render';

/**
 * The room's sockets, one per connection the page opens: what the server sends, how it answers
 * `session:join` (the state of `room.states[sessionId]`), and the pages asked for, answered when
 * the test says.
 */
const room = vi.hoisted(() => {
  const states = new Map<string, unknown>();
  const make = () => {
    const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    const joins: unknown[] = [];
    const pages: { payload: unknown; answer: (ack: unknown) => void }[] = [];
    const socket = {
      active: true,
      on(event: string, listener: (...args: unknown[]) => void) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return socket;
      },
      off: () => socket,
      emit(event: string, payload: { sessionId: string }, ack?: (answer: unknown) => void) {
        if (event === 'session:join') {
          joins.push(payload);
          ack?.({ ok: true, state: states.get(payload.sessionId) });
        }
        return socket;
      },
      emitWithAck(_event: string, payload: unknown) {
        return new Promise((resolve) => pages.push({ payload, answer: resolve }));
      },
      disconnect: () => socket,
      send(event: string, payload?: unknown) {
        for (const listener of listeners.get(event) ?? []) listener(payload);
      },
      joins,
      pages,
    };
    return socket;
  };
  const sockets: ReturnType<typeof make>[] = [];
  return {
    states,
    sockets,
    connect: () => {
      const socket = make();
      sockets.push(socket);
      return socket;
    },
  };
});

vi.mock('../../live', () => ({
  connectLive: () => room.connect(),
  ackError: (error: unknown) => error,
}));

const { default: LivePage } = await import('.');

const visitor = (userId: string, name: string) => ({
  userId,
  name,
  role: 'member',
  companies: [],
});
const state = (sessionId: string, title: string, page: PresencePage, version = 7) =>
  liveRoomState({
    session: { id: sessionId, title, mode: 'in-person' },
    presence: { count: 40, version, page },
  });

/** Answers the socket's latest page request, and lets the page take the answer in. */
const answer = (socket: (typeof room.sockets)[number], ack: unknown) =>
  act(() => {
    socket.pages.at(-1)!.answer(ack);
    return Promise.resolve();
  });

const list = () => screen.getAllByRole('list').at(-1)!;

/** Session s1's room, joined, with Ada on its first page (more after 'YWRh') and everyone shown. */
async function openFairRoom() {
  room.states.set('s1', state('s1', 'Fair', { users: [visitor('u1', 'Ada Wong')], next: 'YWRh' }));
  renderInApp(<LivePage id="s1" />);
  const socket = room.sockets.at(-1)!;
  act(() => socket.send('connect'));
  fireEvent.click(await screen.findByRole('button', { name: 'Show everyone online' }));
  return socket;
}

describe('the live room, when pages and joins cross', () => {
  it('asks for no page while the connection is down, and again once the room is joined', async () => {
    const socket = await openFairRoom();
    const more = () => screen.getByRole('button', { name: 'Show more' });
    expect(more()).toHaveProperty('disabled', false);

    act(() => socket.send('disconnect', 'transport close'));
    expect(more()).toHaveProperty('disabled', true);
    fireEvent.click(more());
    expect(socket.pages).toHaveLength(0);

    act(() => socket.send('connect'));
    await waitFor(() => expect(more()).toHaveProperty('disabled', false));
    fireEvent.click(more());
    expect(socket.pages.at(-1)!.payload).toEqual({ sessionId: 's1', after: 'YWRh' });
  });

  it('drops a page asked for before a reconnection loaded the room again', async () => {
    const socket = await openFairRoom();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(socket.pages.at(-1)!.payload).toEqual({ sessionId: 's1', after: 'YWRh' });

    // Back after too long for the changes only: the room's first page again, and another cursor.
    room.states.set(
      's1',
      state(
        's1',
        'Fair',
        { users: [visitor('u1', 'Ada Wong'), visitor('u2', 'Ben Lo')], next: 'QmVu' },
        90,
      ),
    );
    act(() => socket.send('connect'));
    expect(await within(list()).findByText('Ben Lo')).toBeTruthy();
    // The page after Ada arrives now: it does not follow Ben, so it is not shown after him.
    await answer(socket, {
      ok: true,
      page: { users: [visitor('u9', 'Zed Chan')], next: null },
    });
    expect(within(list()).queryByText('Zed Chan')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
    // Asked again, the next page follows the list shown.
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(socket.pages.at(-1)!.payload).toEqual({ sessionId: 's1', after: 'QmVu' });
    await answer(socket, {
      ok: true,
      page: { users: [visitor('u3', 'Cy Ng')], next: null },
    });
    expect(within(list()).getByText('Cy Ng')).toBeTruthy();
  });

  it("shows nothing of one session's room in the next, nor sends its version there", async () => {
    room.states.set(
      's1',
      state('s1', 'Fair', { users: [visitor('u1', 'Ada Wong')], next: 'YWRh' }, 130),
    );
    room.states.set(
      's2',
      state('s2', 'Expo', { users: [visitor('u5', 'Bea Ho')], next: null }, 140),
    );
    let show: (id: string) => void = () => undefined;
    function Switcher() {
      const [id, setId] = useState('s1');
      show = setId;
      return <LivePage id={id} />;
    }
    renderInApp(<Switcher />);
    const first = room.sockets.at(-1)!;
    act(() => first.send('connect'));
    fireEvent.click(await screen.findByRole('button', { name: 'Show everyone online' }));
    expect(within(list()).getByText('Ada Wong')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));

    // The same page, another session: the first room's people are gone at once.
    act(() => show('s2'));
    expect(screen.queryByText('Ada Wong')).toBeNull();
    const second = room.sockets.at(-1)!;
    expect(second).not.toBe(first);
    act(() => second.send('connect'));
    expect(second.joins).toEqual([{ sessionId: 's2' }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Show everyone online' }));
    expect(within(list()).getByText('Bea Ho')).toBeTruthy();
    // The first session's page, answered late, stays out of the second's list.
    await answer(first, {
      ok: true,
      page: { users: [visitor('u7', 'Al Chow')], next: null },
    });
    expect(screen.queryByText('Al Chow')).toBeNull();
    expect(within(list()).getByText('Bea Ho')).toBeTruthy();
  });
});
