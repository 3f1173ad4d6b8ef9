import { localDayAndHour } from './requests-digest.service';

describe('localDayAndHour', () => {
  const at = new Date('2031-09-15T00:30:00Z');

  it('gives the date and hour of an instant in a zone', () => {
    expect(localDayAndHour(at, 'Asia/Hong_Kong')).toEqual({ day: '2031-09-15', hour: 8 });
    expect(localDayAndHour(at, 'America/Vancouver')).toEqual({ day: '2031-09-14', hour: 17 });
    expect(localDayAndHour(at, 'UTC')).toEqual({ day: '2031-09-15', hour: 0 });
    expect(localDayAndHour(at, 'Asia/Kolkata')).toEqual({ day: '2031-09-15', hour: 6 });
  });

  it('follows daylight saving time', () => {
    // Europe/Helsinki: UTC+3 in summer, UTC+2 in winter.
    expect(localDayAndHour(new Date('2031-07-01T05:00:00Z'), 'Europe/Helsinki').hour).toBe(8);
    expect(localDayAndHour(new Date('2031-12-01T05:00:00Z'), 'Europe/Helsinki').hour).toBe(7);
  });
});
