import { buildSlots } from '../sessions/slots';
import { agendaGaps, placementGaps } from './schedule-gaps';

// Eight slots of 30 minutes with 10-minute pauses: slot s runs from 40·s to 40·s + 30.
const slots = buildSlots({
  startsAt: new Date('2027-03-10T01:00:00Z'),
  endsAt: new Date('2027-03-10T06:30:00Z'),
  slotMinutes: 30,
  breakMinutes: 10,
});
const meeting = (slotIndex: number, companyA: string, companyB: string) => ({
  slotIndex,
  companyA,
  companyB,
});

describe('agendaGaps', () => {
  it('counts each gap once and idles from the end of one meeting to the start of the next', () => {
    expect(slots).toHaveLength(8);
    // Slots 2, 3, 6: one gap (slots 4 and 5), from 3:30 to 5:00 (the end of 3, the start of 6).
    expect(agendaGaps([6, 2, 3], slots)).toEqual({ breaks: 1, idleSlots: 2, idleMinutes: 90 });
    // Back to back, one pause apart: no gap, nothing idle.
    expect(agendaGaps([0, 1, 2], slots)).toEqual({ breaks: 0, idleSlots: 0, idleMinutes: 0 });
    expect(agendaGaps([], slots)).toEqual({ breaks: 0, idleSlots: 0, idleMinutes: 0 });
    // Without pauses, idle time is the idle slots' length.
    const tight = buildSlots({
      ...slots[0],
      endsAt: slots[7].endsAt,
      slotMinutes: 20,
      breakMinutes: 0,
    });
    expect(agendaGaps([0, 2, 5], tight)).toEqual({ breaks: 2, idleSlots: 3, idleMinutes: 60 });
  });
});

describe('placementGaps', () => {
  it('sums the firms with a meeting, most breaks first, with the spread of their breaks', () => {
    const gaps = placementGaps(
      [
        meeting(0, 'a', 'b'),
        meeting(2, 'a', 'c'),
        meeting(5, 'a', 'b'),
        meeting(1, 'b', 'c'),
        meeting(3, 'd', 'e'),
        meeting(4, 'd', 'c'),
      ],
      slots,
    );
    // a: 0, 2, 5 → 2 gaps (1; 3, 4) of 50 + 90 min; b: 0, 1, 5 → 1 gap (2, 3, 4) of 130 min;
    // c: 1, 2, 4 → 1 gap (3) of 50 min; d: 3, 4 and e: 3 → none.
    expect(gaps).toEqual({
      totalBreaks: 4,
      breakSpread: 2,
      companiesWithBreaks: 3,
      idleMinutes: 140 + 130 + 50,
      companies: [
        { companyId: 'a', breaks: 2, idleSlots: 3, idleMinutes: 140 },
        { companyId: 'b', breaks: 1, idleSlots: 3, idleMinutes: 130 },
        { companyId: 'c', breaks: 1, idleSlots: 1, idleMinutes: 50 },
        { companyId: 'd', breaks: 0, idleSlots: 0, idleMinutes: 0 },
        { companyId: 'e', breaks: 0, idleSlots: 0, idleMinutes: 0 },
      ],
    });
  });

  it('is all zeros without meetings', () => {
    expect(placementGaps([], slots)).toEqual({
      totalBreaks: 0,
      breakSpread: 0,
      companiesWithBreaks: 0,
      idleMinutes: 0,
      companies: [],
    });
  });
});
