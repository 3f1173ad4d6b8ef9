import { checkInCode, findByCheckInCode } from './check-in-code';
import { groupCheckInCode, normaliseCheckInCode } from './seminars.wire';

const SECRET = 'a-test-secret-that-is-long-enough-for-the-hmac';
const SEMINAR = '9756e1c8-38ed-49f4-ab89-7b79e816828c';
const OTHER = '1b4bdf2e-5e1b-4d3a-9a7c-25f0a8c3b1d2';

describe('check-in codes', () => {
  it('are 10 characters of the unambiguous alphabet, stable, and differ per seminar', () => {
    const code = checkInCode(SECRET, SEMINAR, OTHER);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(checkInCode(SECRET, SEMINAR, OTHER)).toBe(code);
    expect(checkInCode(SECRET, OTHER, OTHER)).not.toBe(code);
    expect(checkInCode(`${SECRET}x`, SEMINAR, OTHER)).not.toBe(code);
  });

  it('read back when typed loosely, and find their registration only', () => {
    const registrations = [{ id: OTHER }, { id: SEMINAR }];
    const code = checkInCode(SECRET, SEMINAR, SEMINAR);
    const typed = ` ${groupCheckInCode(code).toLowerCase().replace(/0/g, 'o')} `;
    expect(normaliseCheckInCode(typed)).toBe(code);
    expect(findByCheckInCode(SECRET, SEMINAR, registrations, code)).toEqual({ id: SEMINAR });
    expect(findByCheckInCode(SECRET, OTHER, registrations, code)).toBeUndefined();
    expect(normaliseCheckInCode('ABCDE')).toBeNull();
    expect(normaliseCheckInCode('ABCDE-1234U')).toBeNull();
  });
});
