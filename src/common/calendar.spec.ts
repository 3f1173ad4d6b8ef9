import ICAL from 'ical.js';
import { buildCalendar } from './calendar';

describe('buildCalendar', () => {
  const text = buildCalendar(
    {
      name: 'HK ICT mission to Finland',
      description: 'Programme',
      timezone: 'Europe/Helsinki',
      uidDomain: 'trade-match',
    },
    [
      {
        id: 'a1',
        kind: 'site-visit',
        title: 'Otaniemi campus, Espoo; then lunch',
        location: 'Otakaari 1, Espoo',
        startsAt: new Date('2027-06-08T06:00:00Z'),
        endsAt: new Date('2027-06-08T09:30:00Z'),
      },
      {
        id: 'b2',
        kind: 'seminar',
        title: 'Doing business in Hong Kong',
        location: '',
        startsAt: new Date('2027-06-09T07:00:00Z'),
        endsAt: new Date('2027-06-09T08:00:00Z'),
      },
    ],
  );

  it('parses with a real iCalendar parser (ical.js) and keeps every instant', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Helsinki');
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(
      events.map((event) => ({
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      })),
    ).toEqual([
      {
        uid: 'a1@trade-match',
        summary: 'Otaniemi campus, Espoo; then lunch',
        location: 'Otakaari 1, Espoo',
        start: '2027-06-08T06:00:00.000Z',
        end: '2027-06-08T09:30:00.000Z',
      },
      {
        uid: 'b2@trade-match',
        summary: 'Doing business in Hong Kong',
        location: null,
        start: '2027-06-09T07:00:00.000Z',
        end: '2027-06-09T08:00:00.000Z',
      },
    ]);
  });

  it('writes CRLF line endings and UTC times, as RFC 5545 asks', () => {
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('DTSTART:20270608T060000Z');
    expect(text).toContain('VERSION:2.0');
  });
});
