import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { YourCompanies } from './your-companies';

const REJECTED = '22222222-2222-4222-8222-222222222222';
const VERIFIED = '33333333-3333-4333-8333-333333333333';
const REASON = 'The business registration number does not match the company name.';

const companies = [
  { companyId: REJECTED, name: 'Ada Foods', country: 'HK', status: 'rejected', role: 'owner' },
  { companyId: VERIFIED, name: 'Ben Pay', country: 'HK', status: 'verified', role: 'member' },
] as Membership[];

describe('your companies', () => {
  it.each([
    ['en', 'Their reason:', 'An organiser rejected it on'],
    ['zh-Hant', '原因：', '主辦單位於'],
  ] as const)('says why an organiser rejected a company (%s)', async (language, label, when) => {
    const fetch = stubApi({
      [`GET /api/companies/${REJECTED}`]: json(200, {
        id: REJECTED,
        name: 'Ada Foods',
        status: 'rejected',
        statusChangedAt: '2026-12-01T08:00:00.000Z',
        statusReason: REASON,
      }),
    });
    renderInApp(<YourCompanies companies={companies} />, { language });
    expect(await screen.findByText(REASON)).toBeTruthy();
    expect(screen.getByText(label)).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${when}`))).toBeTruthy();
    // Only the rejected company is read for its reason.
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      expect.stringContaining(`/api/companies/${REJECTED}`),
    ]);
  });
});
