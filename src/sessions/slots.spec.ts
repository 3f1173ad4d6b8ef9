import { buildSlots, SLOT_CLOCK_HORIZON_MS, slotAt, slotClockEvents } from './slots';

describe('buildSlots', () => {
  it('cuts the window into slots with breaks, keeping only whole slots', () => {
    const slots = buildSlots({
      startsAt: new Date('2027-03-10T01:00:00Z'),
      endsAt: new Date('2027-03-10T03:10:00Z'),
      slotMinutes: 30,
      breakMinutes: 10,
    });
    expect(
      slots.map((slot) => [slot.index, slot.startsAt.toISOString(), slot.endsAt.toISOString()]),
    ).toEqual([
      [0, '2027-03-10T01:00:00.000Z', '2027-03-10T01:30:00.000Z'],
      [1, '2027-03-10T01:40:00.000Z', '2027-03-10T02:10:00.000Z'],
      [2, '2027-03-10T02:20:00.000Z', '2027-03-10T02:50:00.000Z'],
    ]);
  });

  it('keeps every slot exactly its length across a daylight-saving change (Toronto, 14 March 2027)', () => {
    // 01:00 to 04:00 local on the night clocks jump from 02:00 EST to 03:00 EDT: two real hours.
    const slots = buildSlots({
      startsAt: new Date('2027-03-14T06:00:00Z'),
      endsAt: new Date('2027-03-14T08:00:00Z'),
      slotMinutes: 20,
      breakMinutes: 0,
    });
    expect(slots).toHaveLength(6);
    for (const slot of slots)
      expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(20 * 60_000);
    const local = slots.map((slot) =>
      slot.startsAt.toLocaleTimeString('en-CA', {
        timeZone: 'America/Toronto',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }),
    );
    expect(local).toEqual(['01:00', '01:20', '01:40', '03:00', '03:20', '03:40']);
  });

  it('gives no slot when the window is shorter than one slot', () => {
    expect(
      buildSlots({
        startsAt: new Date(0),
        endsAt: new Date(10 * 60_000),
        slotMinutes: 15,
        breakMinutes: 5,
      }),
    ).toEqual([]);
  });

  it('lets the last slot end exactly at the end of the window', () => {
    const slots = buildSlots({
      startsAt: new Date(0),
      endsAt: new Date(60 * 60_000),
      slotMinutes: 15,
      breakMinutes: 0,
    });
    expect(slots).toHaveLength(4);
    expect(slots[3].endsAt.getTime()).toBe(60 * 60_000);
  });
});

describe('the slot clock', () => {
  const slots = buildSlots({
    startsAt: new Date('2027-03-10T01:00:00Z'),
    endsAt: new Date('2027-03-10T02:00:00Z'),
    slotMinutes: 20,
    breakMinutes: 10,
  });

  it('finds the slot running now and the next one, or none between and after them', () => {
    const at = (iso: string) => slotAt(slots, new Date(iso));
    expect(at('2027-03-10T00:59:59Z')).toEqual({ current: null, next: slots[0] });
    expect(at('2027-03-10T01:00:00Z')).toEqual({ current: slots[0], next: slots[1] });
    expect(at('2027-03-10T01:20:00Z')).toEqual({ current: null, next: slots[1] });
    expect(at('2027-03-10T01:45:00Z')).toEqual({ current: slots[1], next: null });
    expect(at('2027-03-10T01:50:00Z')).toEqual({ current: null, next: null });
  });

  it('sends each slot a start and an end-minus-one-minute notice, only for slots not yet over', () => {
    const events = (iso: string) =>
      slotClockEvents(slots, new Date(iso)).map(
        (event) => `${event.slotIndex} ${event.kind} ${event.at.toISOString().slice(11, 16)}`,
      );
    expect(events('2027-03-10T00:30:00Z')).toEqual([
      '0 started 01:00',
      '0 ending 01:19',
      '1 started 01:30',
      '1 ending 01:49',
    ]);
    // Going live during slot 0: its notices are due at once; slot 1's later.
    expect(events('2027-03-10T01:05:00Z')).toEqual([
      '0 started 01:00',
      '0 ending 01:19',
      '1 started 01:30',
      '1 ending 01:49',
    ]);
    expect(events('2027-03-10T01:25:00Z')).toEqual(['1 started 01:30', '1 ending 01:49']);
    expect(events('2027-03-10T01:50:00Z')).toEqual([]);
  });

  it('queues a live session of six weeks a few hours ahead, and always its next slot', () => {
    const weeks = buildSlots({
      startsAt: new Date('2027-03-01T00:00:00Z'),
      endsAt: new Date('2027-04-12T00:00:00Z'),
      slotMinutes: 20,
      breakMinutes: 10,
    });
    expect(weeks).toHaveLength(2016);
    const now = new Date('2027-03-10T01:05:00Z');
    const events = slotClockEvents(weeks, now, SLOT_CLOCK_HORIZON_MS);
    // The running slot and the 12 that start within six hours, each with both notices.
    expect(events).toHaveLength(26);
    expect(events[0]).toMatchObject({ kind: 'started', at: new Date('2027-03-10T01:00:00Z') });
    expect(events.at(-2)).toMatchObject({ kind: 'started', at: new Date('2027-03-10T07:00:00Z') });
    // Slots far apart: the next one is queued however far off it is.
    const sparse = buildSlots({
      startsAt: new Date('2027-03-01T00:00:00Z'),
      endsAt: new Date('2027-03-05T00:00:00Z'),
      slotMinutes: 60,
      breakMinutes: 1440,
    });
    expect(
      slotClockEvents(sparse, new Date('2027-03-01T02:00:00Z'), SLOT_CLOCK_HORIZON_MS).map(
        (event) => `${event.slotIndex} ${event.kind}`,
      ),
    ).toEqual(['1 started', '1 ending']);
  });
});
