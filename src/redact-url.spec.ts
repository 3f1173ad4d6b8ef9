import { redactUrl } from './core.module';

describe('redactUrl', () => {
  it('hides the calendar key and the token of emailed links, and nothing else', () => {
    expect(redactUrl('/reset-password?token=abc-DEF_123')).toBe('/reset-password?token=[redacted]');
    expect(redactUrl('/invitations/accept?x=1&token=s3cret#top')).toBe(
      '/invitations/accept?x=1&token=[redacted]#top',
    );
    expect(redactUrl('/api/calendar/agenda.ics?key=k')).toBe(
      '/api/calendar/agenda.ics?key=[redacted]',
    );
    expect(redactUrl('/verify-email?change=1&tokens=kept')).toBe(
      '/verify-email?change=1&tokens=kept',
    );
  });
});
