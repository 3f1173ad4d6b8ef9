import { describe, expect, it } from 'vitest';
import { instantOf, knownZone, timeZones, wallClock, zoneLabel } from './zoned-time';

describe('zoned time', () => {
  it('reads a wall time in Asia/Hong_Kong (UTC+8, no daylight saving) both ways', () => {
    expect(instantOf('2027-03-14T09:30', 'Asia/Hong_Kong')).toBe('2027-03-14T01:30:00.000Z');
    expect(wallClock('2027-03-14T01:30:00.000Z', 'Asia/Hong_Kong')).toBe('2027-03-14T09:30');
  });

  it('crosses the spring change in America/Toronto on 2027-03-14', () => {
    // Before 02:00 the zone is EST (UTC-5), after it EDT (UTC-4).
    expect(instantOf('2027-03-14T01:30', 'America/Toronto')).toBe('2027-03-14T06:30:00.000Z');
    expect(instantOf('2027-03-14T09:00', 'America/Toronto')).toBe('2027-03-14T13:00:00.000Z');
    expect(wallClock('2027-03-14T06:30:00.000Z', 'America/Toronto')).toBe('2027-03-14T01:30');
    expect(wallClock('2027-03-14T13:00:00.000Z', 'America/Toronto')).toBe('2027-03-14T09:00');
  });

  it('crosses the spring change in Europe/Helsinki on 2027-03-28', () => {
    // Before 03:00 the zone is EET (UTC+2), after it EEST (UTC+3).
    expect(instantOf('2027-03-28T02:30', 'Europe/Helsinki')).toBe('2027-03-28T00:30:00.000Z');
    expect(instantOf('2027-03-28T10:00', 'Europe/Helsinki')).toBe('2027-03-28T07:00:00.000Z');
    expect(wallClock('2027-03-28T00:30:00.000Z', 'Europe/Helsinki')).toBe('2027-03-28T02:30');
    expect(wallClock('2027-03-28T07:00:00.000Z', 'Europe/Helsinki')).toBe('2027-03-28T10:00');
  });

  it('round-trips every quarter hour of the Toronto change day', () => {
    const start = Date.parse('2027-03-14T05:00:00.000Z');
    for (let step = 0; step < 96; step += 1) {
      const iso = new Date(start + step * 15 * 60_000).toISOString();
      expect(instantOf(wallClock(iso, 'America/Toronto'), 'America/Toronto')).toBe(iso);
    }
  });

  it('gives no instant for an empty or malformed wall time or an unknown zone', () => {
    expect(instantOf('', 'Europe/Helsinki')).toBe('');
    expect(instantOf('2027-13-40T25:00', 'Europe/Helsinki')).toBe('');
    expect(instantOf('2027-03-28T10:00', 'Mars/Olympus')).toBe('');
    expect(knownZone('Mars/Olympus')).toBe('UTC');
    expect(knownZone('Europe/Helsinki')).toBe('Europe/Helsinki');
  });

  it('lists every zone for a select, UTC first, and keeps a zone it does not know', () => {
    const zones = timeZones('Asia/Hong_Kong');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Hong_Kong');
    expect(new Set(zones).size).toBe(zones.length);
    expect(timeZones('Mars/Base')[0]).toBe('Mars/Base');
  });

  it('names a zone for people, in their language, with its offset', () => {
    const winter = new Date('2027-01-15T12:00:00Z');
    // The names are the browser's (ICU's): their words vary a little between versions.
    expect(zoneLabel('Asia/Hong_Kong', 'en', winter)).toMatch(
      /^Asia\/Hong Kong — Hong Kong .*Time \(GMT\+8\)$/,
    );
    expect(zoneLabel('Asia/Hong_Kong', 'zh-Hant', winter)).toMatch(
      /^Asia\/Hong Kong — 香港.*時間 \(GMT\+8\)$/,
    );
    expect(zoneLabel('America/Toronto', 'en', new Date('2027-07-01T12:00:00Z'))).toMatch(
      /^America\/Toronto — Eastern .*Time \(GMT-4\)$/,
    );
    expect(zoneLabel('Mars/Base', 'en')).toBe('Mars/Base');
  });
});
