import ical from 'ical-generator';

export interface CalendarEntry {
  id: string;
  /** An itinerary kind (labelled), or any other word used as the event's category. */
  kind: string;
  title: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  /** Overrides the description derived from the kind. */
  description?: string;
  /** A link to open for the event (the live room of a meeting). */
  url?: string;
}

const KIND_LABELS: Record<string, string> = {
  seminar: 'Seminar',
  'site-visit': 'Site visit',
  exhibition: 'Exhibition',
  'matching-session': 'Business matching session',
  reception: 'Reception',
  meeting: 'Meeting',
  'one-to-one': 'One-to-one meeting',
};

/**
 * An iCalendar (RFC 5545) feed of a programme or an agenda. Times are written in UTC, which every calendar
 * app shows in its user's own zone; X-WR-TIMEZONE names the zone where it takes place.
 */
export function buildCalendar(
  calendar: { name: string; description: string; timezone: string; uidDomain: string },
  entries: CalendarEntry[],
): string {
  const feed = ical({
    name: calendar.name,
    description: calendar.description,
    prodId: { company: 'TradeMatch', product: 'trade-match', language: 'EN' },
    x: [['X-WR-TIMEZONE', calendar.timezone]],
  });
  for (const entry of entries) {
    feed.createEvent({
      id: `${entry.id}@${calendar.uidDomain}`,
      start: entry.startsAt,
      end: entry.endsAt,
      summary: entry.title,
      location: entry.location || null,
      description: entry.description ?? KIND_LABELS[entry.kind] ?? entry.kind,
      categories: [{ name: KIND_LABELS[entry.kind] ?? entry.kind }],
      url: entry.url ?? null,
    });
  }
  return feed.toString();
}
