import { buildSlots } from './slots';

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
