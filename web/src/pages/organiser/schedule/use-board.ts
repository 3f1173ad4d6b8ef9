import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call';
import { client } from '../../../api/client';
import { keys } from '../../../queries';
import type { OrganiserSessionDetail, Participant, ScheduleView } from '../types';

/** What the board shows: the session (its slots), the schedule, and the participants by id. */
export interface Board {
  session: OrganiserSessionDetail;
  schedule: ScheduleView;
  names: Map<string, Participant>;
}

/** Every participant of a session, page after page. */
async function allParticipants(id: string): Promise<Participant[]> {
  const all: Participant[] = [];
  for (let page = 1; ; page += 1) {
    const batch = await call(
      client.GET('/api/sessions/{id}/participants', {
        params: { path: { id }, query: { page, pageSize: 100 } },
      }),
    );
    all.push(...batch.items);
    if (all.length >= batch.total || batch.items.length === 0) return all;
  }
}

async function loadBoard(id: string): Promise<Board> {
  const path = { params: { path: { id } } };
  const [session, schedule, participants] = await Promise.all([
    call(client.GET('/api/sessions/{id}', path)),
    call(client.GET('/api/sessions/{id}/schedule', path)),
    allParticipants(id),
  ]);
  return {
    session,
    schedule,
    names: new Map(participants.map((participant) => [participant.companyId, participant])),
  };
}

/** The schedule board of a session (`keys.board`). */
export function useBoard(id: string) {
  return useQuery({ queryKey: keys.board(id), queryFn: () => loadBoard(id) });
}
