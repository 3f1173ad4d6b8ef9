import { hashSecretToken, newSecretToken } from './secret-token';

describe('secret tokens of emailed links', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256 in hex', () => {
    const { token, hash } = newSecretToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretToken(token)).toBe(hash);
  });

  it('differ every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newSecretToken().token));
    expect(tokens.size).toBe(100);
  });

  it('hash as SHA-256 does (a known vector)', () => {
    expect(hashSecretToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
