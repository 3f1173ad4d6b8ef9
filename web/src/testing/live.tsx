import { act } from '@testing-library/react';
import { vi } from 'vitest';
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
