import { followUpExpiry, readFollowUpKey, signFollowUpKey } from './follow-up-key';

const SECRET = 'a-test-secret-that-is-long-enough';
const SURVEY = '0b7c2a4e-1f3d-4c5b-9a8e-7d6c5b4a3f21';

describe('follow-up keys', () => {
  const expiresAt = followUpExpiry(new Date('2031-06-10T01:00:00Z'));

  it('names the survey and when it expires, 90 days after sending', () => {
    expect(expiresAt.toISOString()).toBe('2031-09-08T01:00:00.000Z');
    const key = signFollowUpKey(SECRET, SURVEY, expiresAt);
    expect(readFollowUpKey(SECRET, key)).toEqual({ valid: true, surveyId: SURVEY, expiresAt });
  });

  it('refuses a key changed anywhere, or signed with another secret', () => {
    const key = signFollowUpKey(SECRET, SURVEY, expiresAt);
    const [id, expires, sig] = key.split('.');
    const other = '1b7c2a4e-1f3d-4c5b-9a8e-7d6c5b4a3f21';
    for (const bad of [
      `${other}.${expires}.${sig}`,
      `${id}.${Number(expires) + 86400}.${sig}`,
      `${id}.${expires}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
      `${id}.${expires}`,
      '',
      'x'.repeat(5000),
    ]) {
      expect(readFollowUpKey(SECRET, bad)).toEqual({ valid: false });
    }
    expect(readFollowUpKey(`${SECRET}x`, key)).toEqual({ valid: false });
  });
});
