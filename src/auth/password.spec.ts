import { argon2i, hash } from 'argon2';
import {
  argon2idOptions,
  hashPassword,
  PASSWORD_HASH_PARAMETERS,
  passwordNeedsRehash,
  PREVIOUS_PASSWORD_HASH_PARAMETERS,
  verifyPassword,
} from './password';

describe('password hashes', () => {
  it('are argon2id at or above OWASP’s minimum (19 MiB, 2 passes, 1 lane)', async () => {
    const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_PARAMETERS;
    expect(memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(timeCost).toBeGreaterThanOrEqual(2);
    expect(parallelism).toBe(1);
    const made = await hashPassword('a-good-long-password');
    const [, variant, version, parameters] = made.split('$');
    expect([variant, version]).toEqual(['argon2id', 'v=19']);
    expect(parameters.split(',').sort()).toEqual(
      [`m=${memoryCost}`, `p=${parallelism}`, `t=${timeCost}`].sort(),
    );
    expect(passwordNeedsRehash(made)).toBe(false);
    await expect(verifyPassword(made, 'a-good-long-password')).resolves.toBe(true);
    await expect(verifyPassword(made, 'another-password')).resolves.toBe(false);
  });

  it('made with other parameters, another variant or not by argon2 at all need a new hash', async () => {
    const previous = await hash('pw', argon2idOptions(PREVIOUS_PASSWORD_HASH_PARAMETERS));
    expect(passwordNeedsRehash(previous)).toBe(true);
    await expect(verifyPassword(previous, 'pw')).resolves.toBe(true);
    const fourLanes = await hash(
      'pw',
      argon2idOptions({ ...PASSWORD_HASH_PARAMETERS, parallelism: 4 }),
    );
    expect(passwordNeedsRehash(fourLanes)).toBe(true);
    const onePass = await hash('pw', argon2idOptions({ ...PASSWORD_HASH_PARAMETERS, timeCost: 1 }));
    expect(passwordNeedsRehash(onePass)).toBe(true);
    const argon2iHash = await hash('pw', {
      ...argon2idOptions(PASSWORD_HASH_PARAMETERS),
      type: argon2i,
    });
    expect(passwordNeedsRehash(argon2iHash)).toBe(true);
    expect(passwordNeedsRehash('')).toBe(true);
    expect(passwordNeedsRehash('$argon2id$garbage')).toBe(true);
    expect(passwordNeedsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });

  it('are compared with the parameters given: today’s hash is out of date against the earlier set', async () => {
    const today = await hashPassword('pw');
    expect(passwordNeedsRehash(today, PASSWORD_HASH_PARAMETERS)).toBe(false);
    expect(passwordNeedsRehash(today, PREVIOUS_PASSWORD_HASH_PARAMETERS)).toBe(true);
  });
});
