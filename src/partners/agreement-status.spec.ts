import { agreementStatusOn, renewalDueFrom, storedStatus } from './agreement-status';
import { RENEWAL_LEAD_DAYS } from './partners.wire';

describe('agreementStatusOn', () => {
  it('keeps planned and renewed whatever the dates', () => {
    expect(agreementStatusOn('planned', '2000-01-01', '2030-01-01')).toBe('planned');
    expect(agreementStatusOn('renewed', '2000-01-01', '2030-01-01')).toBe('renewed');
  });

  it('follows the dates for a signed agreement', () => {
    expect(RENEWAL_LEAD_DAYS).toBe(180);
    expect(renewalDueFrom('2003-05-31')).toBe('2002-12-02');
    expect(agreementStatusOn('active', '2003-05-31', '2002-12-01')).toBe('active');
    expect(agreementStatusOn('active', '2003-05-31', '2002-12-02')).toBe('renewal-due');
    expect(agreementStatusOn('active', '2003-05-31', '2003-05-31')).toBe('renewal-due');
    expect(agreementStatusOn('active', '2003-05-31', '2003-06-01')).toBe('expired');
    expect(agreementStatusOn('active', null, '2090-01-01')).toBe('active');
  });

  it('stores the date-driven statuses as signed', () => {
    expect(storedStatus('renewal-due')).toBe('active');
    expect(storedStatus('expired')).toBe('active');
    expect(storedStatus('planned')).toBe('planned');
  });
});
