import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Membership } from '../../api';
import { renderInApp } from '../../testing/render';
import { CompanyApplication } from './company-application';
import type { DelegationDetail } from './types';

const delegation = {
  id: 'd1',
  originCountry: 'CA',
  destinationCountry: 'HK',
  seatsLeft: 3,
  applications: [],
} as unknown as DelegationDetail;

const firm = (country: string): Membership => ({
  companyId: 'c1',
  name: 'Ada Exports',
  country,
  status: 'verified',
  role: 'owner',
});

const show = (company: Membership, language: 'en' | 'zh-Hant' = 'en') =>
  renderInApp(
    <ul>
      <CompanyApplication
        delegation={delegation}
        company={company}
        application={undefined}
        busy={false}
        onAct={vi.fn()}
      />
    </ul>,
    { language },
  );

describe('applying to a delegation', () => {
  it('offers Apply to a company of the country the delegation travels from', () => {
    show(firm('CA'));
    expect(screen.getByRole('button', { name: 'Apply as Ada Exports' })).toBeTruthy();
  });

  it('offers no Apply to a company of another country, and says why', () => {
    show(firm('HK'));
    expect(screen.queryByRole('button', { name: /Apply/ })).toBeNull();
    expect(
      screen.getByText(
        'Ada Exports is a company of Hong Kong SAR China: only companies of Canada, where this delegation travels from, may apply.',
      ),
    ).toBeTruthy();
  });

  it('says it in Chinese too', () => {
    show(firm('HK'), 'zh-Hant');
    expect(screen.getByText(/只有代表團出發地 加拿大 的公司可以報名/)).toBeTruthy();
  });
});
