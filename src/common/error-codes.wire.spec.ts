import { ERROR_CODES } from './error-codes.wire';

describe('ERROR_CODES', () => {
  it('names each code once, in the shape clients match on', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)?$/);
  });
});
