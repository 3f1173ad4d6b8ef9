import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import type { components } from '../../../api/schema';
import type { ScheduledMeeting } from '../types';

/** A mark (`status`) or fixing in its slot (`fixed`). */
export type MeetingChange = components['schemas']['UpdateMeetingDto'];

/** Marks a meeting (held, no-show, cancelled) or fixes it in its slot: `PATCH /api/meetings/:id`. */
export function useMeetingChange(
  meeting: ScheduledMeeting,
  onChanged: (meeting: ScheduledMeeting) => void,
) {
  return useMutation({
    mutationFn: (patch: MeetingChange) =>
      call(
        client.PATCH('/api/meetings/{id}', { params: { path: { id: meeting.id } }, body: patch }),
      ),
    onSuccess: onChanged,
  });
}
