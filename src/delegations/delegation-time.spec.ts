import { isCalendarDate, isInstant } from '../common/time';
import { delegationWindow, fitsDelegationDays, localTime, todayIn } from './delegation-time';

const helsinki = { startsOn: '2026-06-08', endsOn: '2026-06-12', timezone: 'Europe/Helsinki' };

describe('delegationWindow', () => {
  it('spans from the first local midnight to the midnight after the last day', () => {
    expect(delegationWindow('2026-06-08', '2026-06-12', 'Europe/Helsinki')).toEqual({
      from: new Date('2026-06-07T21:00:00Z'),
      to: new Date('2026-06-12T21:00:00Z'),
    });
  });

  it('keeps local midnights across a daylight-saving change (Toronto, March 2027)', () => {
    const { from, to } = delegationWindow('2027-03-13', '2027-03-14', 'America/Toronto');
    expect(from.toISOString()).toBe('2027-03-13T05:00:00.000Z'); // EST, UTC-5
    expect(to.toISOString()).toBe('2027-03-15T04:00:00.000Z'); // EDT, UTC-4
  });
});

describe('fitsDelegationDays', () => {
  it('accepts an item inside the days as seen in the delegation zone', () => {
    expect(
      fitsDelegationDays(
        { startsAt: new Date('2026-06-08T06:00:00Z'), endsAt: new Date('2026-06-08T09:00:00Z') },
        helsinki,
      ),
    ).toBe(true);
  });

  it('accepts the very first and last minutes of the window', () => {
    expect(
      fitsDelegationDays(
        { startsAt: new Date('2026-06-07T21:00:00Z'), endsAt: new Date('2026-06-12T21:00:00Z') },
        helsinki,
      ),
    ).toBe(true);
  });

  it('refuses an item that is inside the dates in UTC but not in Helsinki', () => {
    // 2026-06-12 22:00 UTC is already 13 June, 01:00 in Helsinki.
    expect(
      fitsDelegationDays(
        { startsAt: new Date('2026-06-12T20:00:00Z'), endsAt: new Date('2026-06-12T22:00:00Z') },
        helsinki,
      ),
    ).toBe(false);
    // 2026-06-07 22:00 UTC is 8 June, 01:00 in Helsinki: inside, though 7 June in UTC.
    expect(
      fitsDelegationDays(
        { startsAt: new Date('2026-06-07T22:00:00Z'), endsAt: new Date('2026-06-07T23:00:00Z') },
        helsinki,
      ),
    ).toBe(true);
  });
});

describe('localTime', () => {
  it('shows wall time with the offset in force on that day', () => {
    expect(localTime(new Date('2026-06-08T06:00:00Z'), 'Europe/Helsinki')).toBe(
      '2026-06-08T09:00:00+03:00',
    );
    expect(localTime(new Date('2026-12-08T06:00:00Z'), 'Europe/Helsinki')).toBe(
      '2026-12-08T08:00:00+02:00',
    );
    expect(localTime(new Date('2026-06-08T06:00:00Z'), 'Asia/Hong_Kong')).toBe(
      '2026-06-08T14:00:00+08:00',
    );
  });
});

describe('todayIn', () => {
  it('is the date where the delegation is', () => {
    const instant = new Date('2026-06-08T23:30:00Z');
    expect(todayIn('Asia/Hong_Kong', instant)).toBe('2026-06-09');
    expect(todayIn('America/Vancouver', instant)).toBe('2026-06-08');
  });
});

describe('isCalendarDate and isInstant', () => {
  it.each(['2026-06-08', '2028-02-29'])('%p is a date', (value) =>
    expect(isCalendarDate(value)).toBe(true),
  );
  it.each(['2026-02-30', '2026-6-8', '08/06/2026', '2026-06-08T00:00:00Z'])(
    '%p is not a date',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );
  it.each([
    '2026-06-08T09:00:00Z',
    '2026-06-08T09:00:00+03:00',
    '2026-06-08T09:00Z',
    '2026-06-08T09:00:00.123-0400',
  ])('%p is an instant', (value) => expect(isInstant(value)).toBe(true));
  it.each(['2026-06-08T09:00:00', '2026-06-08', 'tomorrow', '2026-13-08T09:00:00Z'])(
    '%p is not an instant',
    (value) => expect(isInstant(value)).toBe(false),
  );
});
