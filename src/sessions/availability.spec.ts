import { normaliseAvailability } from './availability';

const session = {
  startsAt: new Date('2027-03-10T01:00:00Z'),
  endsAt: new Date('2027-03-10T05:00:00Z'),
};

describe('normaliseAvailability', () => {
  it('sorts and merges overlapping or touching windows', () => {
    const { windows, problems } = normaliseAvailability(
      [
        { from: '2027-03-10T03:00:00Z', to: '2027-03-10T04:00:00Z' },
        { from: '2027-03-10T01:00:00Z', to: '2027-03-10T02:00:00Z' },
        { from: '2027-03-10T01:30:00+00:00', to: '2027-03-10T02:30:00Z' },
        { from: '2027-03-10T12:00:00+08:00', to: '2027-03-10T12:30:00+08:00' },
      ],
      session,
    );
    expect(problems).toEqual({});
    expect(windows).toEqual([
      { from: '2027-03-10T01:00:00.000Z', to: '2027-03-10T02:30:00.000Z' },
      { from: '2027-03-10T03:00:00.000Z', to: '2027-03-10T04:30:00.000Z' },
    ]);
  });

  it('names each window that is backwards or outside the session', () => {
    const { problems, rules } = normaliseAvailability(
      [
        { from: '2027-03-10T02:00:00Z', to: '2027-03-10T01:30:00Z' },
        { from: '2027-03-10T04:00:00Z', to: '2027-03-10T06:00:00Z' },
        { from: '2027-03-10T02:00:00Z', to: '2027-03-10T03:00:00Z' },
      ],
      session,
    );
    expect(Object.keys(problems)).toEqual(['availability[0].to', 'availability[1]']);
    expect(rules).toEqual({
      'availability[0].to': [{ rule: 'after', params: { field: 'from' } }],
      'availability[1]': [
        {
          rule: 'withinSession',
          params: { first: '2027-03-10T01:00:00.000Z', last: '2027-03-10T05:00:00.000Z' },
        },
      ],
    });
  });
});
