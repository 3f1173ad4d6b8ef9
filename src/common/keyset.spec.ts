import { AppError } from './app-error';
import { cutPage, decodeCursor, encodeCursor } from './keyset';

const ID = '6f1c8c3e-2a4b-4c5d-8e9f-0a1b2c3d4e5f';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the cursor was taken');
}

describe('keyset cursors', () => {
  it('give back the sort key they carry, of their own list only', () => {
    const cursor = encodeCursor('matches', [87.5, ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'matches', ['number', 'uuid'])).toEqual([87.5, ID]);
    expect(refusal(() => decodeCursor(cursor, 'directory', ['number', 'uuid'])).fields).toEqual({
      after: [expect.stringContaining('nextCursor')],
    });
  });

  it.each([
    ['noise', 'abc', 'matches'],
    ['too few parts', encodeCursor('matches', [87.5]), 'matches'],
    ['a number that is not one', encodeCursor('matches', ['87.5', ID]), 'matches'],
    ['an id that is not a UUID', encodeCursor('matches', [87.5, 'x']), 'matches'],
    [
      'an instant that is not one',
      encodeCursor('notifications', ['yesterday', ID]),
      'notifications',
    ],
  ])('refuse %s with a 400 naming after', (_label, cursor, list) => {
    const parts =
      list === 'matches' ? (['number', 'uuid'] as const) : (['instant', 'uuid'] as const);
    const error = refusal(() => decodeCursor(cursor, list, parts));
    expect(error.kind).toBe('bad-request');
    expect(Object.keys(error.fields ?? {})).toEqual(['after']);
  });

  it('cut a page from one row more than shown, with the cursor of its last row', () => {
    const rows = [1, 2, 3];
    expect(cutPage(rows, 2, String)).toEqual({ rows: [1, 2], nextCursor: '2' });
    expect(cutPage(rows, 3, String)).toEqual({ rows: [1, 2, 3], nextCursor: null });
  });
});
