import { effectiveAgreementStatus, RENEWAL_DUE_WITHIN_DAYS } from './agreement-status';

const TODAY = '2026-12-07';

describe('effectiveAgreementStatus', () => {
  it('keeps an active agreement far from its expiry active', () => {
    expect(
      effectiveAgreementStatus(
        { status: 'active', signedOn: '2025-01-01', expiresOn: '2027-12-31' },
        TODAY,
      ),
    ).toBe('active');
  });

  it('makes an active agreement due for renewal within 180 days of its expiry, both ends included', () => {
    expect(RENEWAL_DUE_WITHIN_DAYS).toBe(180);
    // 2026-12-07 + 180 days = 2027-06-05.
    const at = (expiresOn: string) =>
      effectiveAgreementStatus({ status: 'active', signedOn: '2022-06-01', expiresOn }, TODAY);
    expect(at('2027-06-05')).toBe('renewal-due');
    expect(at('2027-06-06')).toBe('active');
    expect(at(TODAY)).toBe('renewal-due');
  });

  it('makes a signed agreement whose expiry has passed expired', () => {
    expect(
      effectiveAgreementStatus(
        { status: 'active', signedOn: '1998-05-01', expiresOn: '2026-12-06' },
        TODAY,
      ),
    ).toBe('expired');
    expect(
      effectiveAgreementStatus(
        { status: 'renewal-due', signedOn: '1998-05-01', expiresOn: '2003-05-01' },
        TODAY,
      ),
    ).toBe('expired');
  });

  it('keeps a stored renewal-due as it is when the dates say nothing', () => {
    expect(
      effectiveAgreementStatus(
        { status: 'renewal-due', signedOn: '2020-01-01', expiresOn: null },
        TODAY,
      ),
    ).toBe('renewal-due');
  });

  it('leaves planned, renewed and open-ended agreements as stored', () => {
    expect(
      effectiveAgreementStatus(
        { status: 'planned', signedOn: null, expiresOn: '2027-01-01' },
        TODAY,
      ),
    ).toBe('planned');
    expect(
      effectiveAgreementStatus(
        { status: 'renewed', signedOn: '1998-05-01', expiresOn: '2027-01-01' },
        TODAY,
      ),
    ).toBe('renewed');
    expect(
      effectiveAgreementStatus(
        { status: 'active', signedOn: '2020-01-01', expiresOn: null },
        TODAY,
      ),
    ).toBe('active');
  });
});
