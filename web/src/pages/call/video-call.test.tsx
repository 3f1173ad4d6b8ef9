import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LiveMeeting, LiveSocket } from '../../live';
import { renderInApp } from '../../testing/render';
import { VideoCall } from '.';

const socket = { on: () => socket, off: () => socket, emit: () => socket } as unknown as LiveSocket;
const MINUTE = 60_000;

const meeting = (startsInMinutes: number) =>
  ({
    id: 'm1',
    startsAt: new Date(Date.now() + startsInMinutes * MINUTE).toISOString(),
    endsAt: new Date(Date.now() + (startsInMinutes + 20) * MINUTE).toISOString(),
    roomId: 'room',
    other: { id: 'c2', name: 'Kowloon Foods', country: 'HK', timezone: 'Asia/Hong_Kong' },
  }) as unknown as LiveMeeting;

describe('the video call of a meeting', () => {
  const show = (startsInMinutes: number) =>
    renderInApp(<VideoCall socket={socket} meeting={meeting(startsInMinutes)} iceServers={[]} />);

  it('offers a camera test before the meeting', () => {
    show(30);
    expect(screen.getByText(/Test your camera any time before the meeting/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join call' })).toBeTruthy();
  });

  it('says the meeting has begun once it has', () => {
    show(-5);
    expect(screen.getByText('Your meeting has begun: join the call.')).toBeTruthy();
    expect(screen.queryByText(/Test your camera/)).toBeNull();
  });

  it('offers no call once the meeting is over', () => {
    show(-30);
    expect(screen.getByText('This meeting has ended.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Join call' })).toBeNull();
    expect(screen.queryByText(/Test your camera/)).toBeNull();
  });
});
