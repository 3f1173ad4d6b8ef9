import type { AppError } from '../common/app-error';
import type { MatchmakingSession } from '../sessions/session.entity';
import { checkPlace } from './board-checks';

/** Four 20-minute slots, in person at 6 tables unless told. */
function session(changes: Partial<MatchmakingSession> = {}): MatchmakingSession {
  return {
    startsAt: new Date('2027-03-10T01:00:00Z'),
    endsAt: new Date('2027-03-10T02:20:00Z'),
    slotMinutes: 20,
    breakMinutes: 0,
    mode: 'in-person',
    tables: 6,
    ...changes,
  } as MatchmakingSession;
}

function refusal(run: () => void): Pick<AppError, 'fields' | 'rules'> {
  try {
    run();
  } catch (error) {
    const { fields, rules } = error as AppError;
    return { fields, rules };
  }
  throw new Error('checkPlace refused nothing');
}

describe('checkPlace', () => {
  it('passes a slot and a table the session has', () => {
    expect(() => checkPlace(session(), 3, 6)).not.toThrow();
    expect(() => checkPlace(session({ mode: 'video', tables: null }), 0, undefined)).not.toThrow();
  });

  it('names the rule each refusal broke, with its bounds, for clients to word', () => {
    expect(refusal(() => checkPlace(session(), 4, undefined)).rules).toEqual({
      slotIndex: [{ rule: 'sessionSlot', params: { min: 0, max: 3 } }],
    });
    expect(refusal(() => checkPlace(session(), 0, 7)).rules).toEqual({
      table: [{ rule: 'range', params: { min: 1, max: 6 } }],
    });
    expect(refusal(() => checkPlace(session({ mode: 'video', tables: null }), 0, 1)).rules).toEqual(
      { table: [{ rule: 'inPersonOnly' }] },
    );
  });
});
