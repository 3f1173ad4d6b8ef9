import type { EntityManager } from 'typeorm';
import type { Moment } from '../notifications/render/notice-params';
import type { Slot } from '../sessions/slots';
import type { AgendaMeeting } from './agenda-changes';
import type { CalendarMeeting } from './meeting-calendar';

/** A firm as the notices about its meetings name it. */
export interface Firm {
  id: string;
  name: string;
  country: string;
  city: string;
  timezone: string;
}

/** The firms of some meetings, and who speaks for each: whom their notices go to. */
export interface Audience {
  firms: Map<string, Firm>;
  users: Map<string, string[]>;
}

export async function loadAudience(
  manager: EntityManager,
  companyIds: readonly string[],
): Promise<Audience> {
  const ids = [...new Set(companyIds)];
  // One after the other: the manager is often a transaction's, a single connection.
  const firms = await manager.query<Firm[]>(
    'SELECT id, name, country, city, timezone FROM companies WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const members = await manager.query<{ company_id: string; user_id: string }[]>(
    'SELECT company_id, user_id FROM company_members WHERE company_id = ANY($1::uuid[])',
    [ids],
  );
  const users = new Map<string, string[]>();
  for (const member of members) {
    users.set(member.company_id, [...(users.get(member.company_id) ?? []), member.user_id]);
  }
  return { firms: new Map(firms.map((firm) => [firm.id, firm])), users };
}

/** The firm on the other side of a meeting. */
export function partnerOf(meeting: AgendaMeeting, companyId: string): string {
  return meeting.companyA === companyId ? meeting.companyB : meeting.companyA;
}

/** A meeting's start for a notice: in the reader's zone, with the partner's local time beside it. */
export function startMoment(slot: Slot, partner: Firm | undefined): Moment {
  return partner
    ? { at: slot.startsAt.toISOString(), otherZone: partner.timezone, otherName: partner.name }
    : { at: slot.startsAt.toISOString() };
}

/** Where a meeting takes place, as the catalogue's `place` and `table` values. */
export function placeOf(meeting: AgendaMeeting): { place: 'table' | 'video'; table: number } {
  return meeting.table !== null
    ? { place: 'table', table: meeting.table }
    : { place: 'video', table: 0 };
}

/** A meeting as one firm's calendar holds it. */
export function calendarMeeting(
  meeting: AgendaMeeting,
  slot: Slot,
  partner: Firm | undefined,
): CalendarMeeting {
  return {
    id: meeting.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    table: meeting.table,
    roomId: meeting.roomId,
    other: {
      name: partner?.name ?? '',
      country: partner?.country ?? '',
      city: partner?.city ?? '',
    },
  };
}

/** The meetings of a session that count (cancelled ones aside), as agendas compare them. */
export function loadAgendaMeetings(
  manager: EntityManager,
  sessionId: string,
): Promise<AgendaMeeting[]> {
  return manager.query<AgendaMeeting[]>(
    `SELECT id, slot_index AS "slotIndex", company_a AS "companyA", company_b AS "companyB",
            table_number AS "table", room_id AS "roomId"
       FROM meetings WHERE session_id = $1 AND status <> 'cancelled' ORDER BY slot_index`,
    [sessionId],
  );
}
