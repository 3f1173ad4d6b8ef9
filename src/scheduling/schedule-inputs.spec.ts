import {
  fingerprintInputs,
  pairPreference,
  requestStands,
  requestTier,
  type ScheduleInputs,
} from './schedule-inputs';

const T0 = Date.UTC(2033, 0, 1, 9, 0);

/** Two companies, two slots, one pending request between them and one kept meeting elsewhere. */
function inputs(): ScheduleInputs {
  return {
    slots: [0, 1].map((index) => ({
      index,
      startsAt: new Date(T0 + index * 600_000),
      endsAt: new Date(T0 + (index + 1) * 600_000),
    })),
    ids: ['a', 'b', 'c'],
    problem: {
      slots: 2,
      tables: null,
      companies: [
        { maxMeetings: 2, available: [true, true] },
        { maxMeetings: 2, available: [true, true] },
        { maxMeetings: 2, available: [true, false] },
      ],
      pairs: [
        { a: 0, b: 1, tier: 2, score: 40 },
        { a: 1, b: 2, tier: 3, score: 70 },
      ],
      fixed: [{ a: 0, b: 2, slot: 0 }],
    },
    requestIds: [['r1'], []],
    kept: [{ id: 'm1', slotIndex: 0, companyA: 'a', companyB: 'c', tableNumber: null }],
  };
}

describe('fingerprintInputs', () => {
  it('is the same for the same inputs, whatever order the rows were read in', () => {
    const reordered = inputs();
    reordered.problem.pairs = [
      { a: 2, b: 1, tier: 3, score: 70 },
      { a: 1, b: 0, tier: 2, score: 40 },
    ];
    reordered.requestIds = [[], ['r1']];
    expect(fingerprintInputs(reordered)).toBe(fingerprintInputs(inputs()));
  });

  it.each<[string, (changed: ScheduleInputs) => void]>([
    [
      'a request dropped (declined, cancelled)',
      (x) => x.problem.pairs.splice(0, 1) && x.requestIds.splice(0, 1),
    ],
    ['a request accepted (its tier)', (x) => (x.problem.pairs[0].tier = 1)],
    ['a score', (x) => (x.problem.pairs[1].score = 71)],
    ['a firm’s mark', (x) => (x.problem.pairs[1].preference = 'must-meet')],
    ['availability', (x) => (x.problem.companies[1].available = [false, true])],
    ['a limit', (x) => (x.problem.companies[0].maxMeetings = 1)],
    ['a meeting kept (held, pinned)', (x) => x.kept.push({ ...x.kept[0], id: 'm2' })],
    ['a kept meeting moved', (x) => (x.kept[0].slotIndex = 1)],
    ['a participant', (x) => x.ids.push('d') && x.problem.companies.push(x.problem.companies[0])],
    ['the tables', (x) => (x.problem.tables = 3)],
    ['the slots', (x) => (x.slots[1].endsAt = new Date(T0 + 1_500_000))],
    ['a request’s window (its slots)', (x) => (x.problem.pairs[0].slots = [1])],
  ])('changes with %s', (_, change) => {
    const changed = inputs();
    change(changed);
    expect(fingerprintInputs(changed)).not.toBe(fingerprintInputs(inputs()));
  });
});

describe('requestTier', () => {
  it('counts two firms that asked each other as mutual, whether or not either accepted', () => {
    expect(requestTier(true, false)).toBe(0);
    expect(requestTier(true, true)).toBe(0);
  });

  it('puts an accepted one-way request before a pending one', () => {
    expect(requestTier(false, true)).toBe(1);
    expect(requestTier(false, false)).toBe(2);
  });
});

describe('pairPreference', () => {
  it('says not-interested when either firm did, whatever the other said', () => {
    expect(pairPreference(['must-meet', 'not-interested'])).toBe('not-interested');
    expect(pairPreference(['not-interested'])).toBe('not-interested');
  });

  it('says must-meet when either firm did and none said no thanks', () => {
    expect(pairPreference(['must-meet'])).toBe('must-meet');
    expect(pairPreference(['interested', 'must-meet'])).toBe('must-meet');
  });

  it('leaves unmarked and merely interested pairs alone', () => {
    expect(pairPreference([])).toBeUndefined();
    expect(pairPreference(['interested', 'interested'])).toBeUndefined();
  });
});

describe('requestStands', () => {
  it('keeps a request both firms made, or an accepted one, even when marked not-interested', () => {
    expect(requestStands(0, 'not-interested')).toBe(true);
    expect(requestStands(1, 'not-interested')).toBe(true);
  });

  it('drops a pending one-way request either firm marked not-interested', () => {
    expect(requestStands(2, 'not-interested')).toBe(false);
    expect(requestStands(2, 'must-meet')).toBe(true);
    expect(requestStands(2, undefined)).toBe(true);
  });
});
