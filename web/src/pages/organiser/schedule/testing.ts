import type { ScheduledMeeting } from '../types';

/** A meeting of Ada Foods (`a`) and Bao Tea (`b`) for the board's component tests. */
export const meeting: ScheduledMeeting = {
  id: 'm1',
  sessionId: 's1',
  slotIndex: 0,
  startsAt: '2026-12-01T02:00:00Z',
  endsAt: '2026-12-01T02:20:00Z',
  companyIds: ['a', 'b'],
  origin: 'accepted',
  fixed: false,
  status: 'scheduled',
};

const names: Record<string, string> = { a: 'Ada Foods', b: 'Bao Tea' };
export const nameOf = (id: string) => names[id];
