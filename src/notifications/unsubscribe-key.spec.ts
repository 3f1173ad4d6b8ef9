import { isPermanentFailure, retryDelayMs } from './delivery/retry-policy';
import { readUnsubscribeKey, signUnsubscribeKey } from './unsubscribe-key';

const SECRET = 'a-secret-for-the-unit-test-0123456789abcdef';
const USER = '5d2f4c3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f';

describe('unsubscribe keys', () => {
  it('name a user and a kind, and nothing else passes', () => {
    const key = signUnsubscribeKey(SECRET, USER, 'request.received');
    expect(readUnsubscribeKey(SECRET, key)).toEqual({ userId: USER, kind: 'request.received' });
    expect(readUnsubscribeKey('another-secret-another-secret-0123456789', key)).toBeNull();
    const otherKind = key.replace(/\.0\./, '.1.');
    expect(readUnsubscribeKey(SECRET, otherKind)).toBeNull();
    const otherUser = key.replace(USER, USER.replace(/.$/, '0'));
    expect(readUnsubscribeKey(SECRET, otherUser)).toBeNull();
    expect(readUnsubscribeKey(SECRET, `${USER}.99.${'a'.repeat(32)}`)).toBeNull();
    expect(readUnsubscribeKey(SECRET, 'nonsense')).toBeNull();
  });
});

describe('the retry policy', () => {
  it('doubles from a second up to five minutes, and gives up only on a 5xx reply', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(300_000);
    expect(isPermanentFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentFailure({ responseCode: 421 })).toBe(false);
    expect(
      isPermanentFailure(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(false);
  });
});
