import type { Slot } from '../sessions/slots';
import { pairWindowSlots, slotsWithin, windowProblems, type Span } from './request-window';

const T0 = Date.UTC(2033, 0, 1, 9, 0);
const MIN = 60_000;
/** Six 20-minute slots with 10-minute breaks: 09:00, 09:30, … 11:30 (ends 11:50). */
const slots: Slot[] = [0, 1, 2, 3, 4, 5].map((index) => ({
  index,
  startsAt: new Date(T0 + index * 30 * MIN),
  endsAt: new Date(T0 + index * 30 * MIN + 20 * MIN),
}));
const session = { startsAt: new Date(T0), endsAt: new Date(T0 + 180 * MIN) };
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const span = (from: number, to: number): Span => ({ from: T0 + from * MIN, to: T0 + to * MIN });

describe('slotsWithin', () => {
  it('takes the slots wholly inside, ends included', () => {
    expect(slotsWithin(slots, span(0, 50))).toEqual([0, 1]);
    expect(slotsWithin(slots, span(5, 80))).toEqual([1, 2]);
    expect(slotsWithin(slots, span(35, 45))).toEqual([]);
  });
});

describe('windowProblems', () => {
  it('takes a window inside the session holding a slot', () => {
    expect(windowProblems({ from: at(0), to: at(20) }, session, slots)).toBeNull();
    expect(windowProblems({ from: at(0), to: at(180) }, session, slots)).toBeNull();
  });

  it('names the end that lies outside the session', () => {
    expect(windowProblems({ from: at(-10), to: at(60) }, session, slots)?.rules).toEqual({
      'window.from': [{ rule: 'withinSession', params: { first: at(0), last: at(180) } }],
    });
    expect(
      Object.keys(windowProblems({ from: at(60), to: at(181) }, session, slots)?.fields ?? {}),
    ).toEqual(['window.to']);
    expect(
      Object.keys(windowProblems({ from: at(200), to: at(260) }, session, slots)?.fields ?? {}),
    ).toEqual(['window.from', 'window.to']);
  });

  it('refuses a window holding no whole slot, naming window', () => {
    expect(windowProblems({ from: at(10), to: at(45) }, session, slots)?.rules).toEqual({
      window: [{ rule: 'holdsSlot' }],
    });
  });
});

describe('pairWindowSlots', () => {
  it('is absent when no request has a window', () => {
    expect(pairWindowSlots(slots, [])).toBeUndefined();
    expect(pairWindowSlots(slots, [{ span: null, accepted: true }])).toBeUndefined();
  });

  it('gives the slots inside the one window, or inside both', () => {
    expect(pairWindowSlots(slots, [{ span: span(0, 90), accepted: false }])).toEqual([0, 1, 2]);
    expect(
      pairWindowSlots(slots, [
        { span: span(0, 90), accepted: false },
        { span: span(30, 180), accepted: false },
        { span: null, accepted: false },
      ]),
    ).toEqual([1, 2]);
  });

  it('lets the accepted request’s window win when the windows share no slot', () => {
    expect(
      pairWindowSlots(slots, [
        { span: span(0, 50), accepted: false },
        { span: span(90, 180), accepted: true },
      ]),
    ).toEqual([3, 4, 5]);
  });

  it('takes the slots of either window when neither was accepted and they share none', () => {
    expect(
      pairWindowSlots(slots, [
        { span: span(0, 20), accepted: false },
        { span: span(150, 180), accepted: false },
      ]),
    ).toEqual([0, 5]);
  });
});
