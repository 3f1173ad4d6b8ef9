import { programmeFigures, type ProgrammeRows } from './programme-figures';

const rows: ProgrammeRows = {
  activities: [
    { id: 's1', kind: 'session', partnerId: 'ca', year: 2026 },
    { id: 'd1', kind: 'delegation', partnerId: 'ca', year: 2026 },
    { id: 'm1', kind: 'seminar', partnerId: 'fr', year: 2026 },
  ],
  participations: [
    { activityId: 's1', companyId: 'a' },
    { activityId: 's1', companyId: 'b' },
    { activityId: 'd1', companyId: 'a' },
    { activityId: 'm1', companyId: 'a' },
    { activityId: 'm1', companyId: 'c' },
  ],
  meetings: [
    {
      sessionId: 's1',
      outcome: 'agreement-signed',
      valueBand: '100k-1m',
      feedbackCount: 2,
      ratingSum: 9,
    },
    { sessionId: 's1', outcome: 'negotiating', valueBand: null, feedbackCount: 1, ratingSum: 3 },
    { sessionId: 's1', outcome: 'none', valueBand: null, feedbackCount: 0, ratingSum: 0 },
    { sessionId: 's1', outcome: null, valueBand: null, feedbackCount: 0, ratingSum: 0 },
  ],
  surveys: [
    { sessionId: 's1', sent: true, answered: true },
    { sessionId: 's1', sent: true, answered: false },
    { sessionId: 's1', sent: false, answered: false },
  ],
};

describe('programmeFigures', () => {
  const figures = programmeFigures(rows);

  it('counts a firm once across the activities of a group', () => {
    // a is in s1, d1 and m1; b in s1; c in m1.
    expect(figures(rows.activities).firms).toBe(3);
    expect(figures(rows.activities.slice(0, 2)).firms).toBe(2);
  });

  it('adds up activities, meetings, feedback, surveys and current outcomes', () => {
    const all = figures(rows.activities);
    expect(all.activities).toEqual({ sessions: 1, delegations: 1, seminars: 1 });
    expect(all.meetingsHeld).toBe(4);
    expect(all.feedbackCount).toBe(3);
    expect(all.averageRating).toBe(4); // 12 / 3
    expect(all.surveysSent).toBe(2);
    expect(all.surveysAnswered).toBe(1);
    expect(all.outcomes).toEqual({ followUp: 0, negotiating: 1, agreementSigned: 1 });
    expect(all.agreementsSigned).toBe(1);
    expect(all.valueBands['100k-1m']).toBe(1);
  });

  it('gives a null rating without feedback and zeros for an empty group', () => {
    const none = figures([]);
    expect(none.averageRating).toBeNull();
    expect(none.firms).toBe(0);
    expect(none.meetingsHeld).toBe(0);
  });

  it('rounds the average rating to one decimal', () => {
    const rounded = programmeFigures({
      ...rows,
      meetings: [
        { sessionId: 's1', outcome: null, valueBand: null, feedbackCount: 3, ratingSum: 11 },
      ],
    });
    expect(rounded(rows.activities).averageRating).toBe(3.7);
  });
});
