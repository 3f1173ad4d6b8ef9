import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Membership } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { ProfilePage } from '.';

const THEM = '0b9a620a-c0ec-48d1-96bf-af0c3a671468';
const US = 'ffc9e3a7-0861-4b9a-b636-86a608781f79';
const SHARED = '5b3c1f0e-7a4d-4c8e-9f21-0d6a2b9e8c11';
const THEIRS_ONLY = '7d1e2f3a-1111-4c8e-9f21-0d6a2b9e8c12';

const profile = {
  id: THEM,
  name: 'Maple Ledger',
  country: 'CA',
  city: 'Toronto',
  website: 'https://maple.example.ca',
  description: 'Payment gateways for retail.',
  sectors: ['fintech', 'smart-cards-payments'],
  offers: ['payment gateways'],
  seeks: ['nfc terminals'],
  partnerTypes: ['distributor'],
  targetMarkets: ['HK'],
  languages: ['en', 'fr'],
  timezone: 'America/Toronto',
  employees: '10-49',
  status: 'verified',
};

const session = (id: string, title: string, status = 'open') => ({
  id,
  title,
  mode: 'video',
  status,
  startsAt: '2031-03-10T01:00:00.000Z',
  endsAt: '2031-03-10T05:00:00.000Z',
  timezone: 'Asia/Hong_Kong',
});

const theirActivities = {
  sessions: [session(SHARED, 'HK–Canada fintech'), session(THEIRS_ONLY, 'Toronto retail')],
  delegations: [
    {
      id: '9e8d7c6b-2222-4c8e-9f21-0d6a2b9e8c13',
      title: 'Canadian mission to Hong Kong',
      startsOn: '2031-05-10',
      endsOn: '2031-05-14',
      originCountry: 'CA',
      destinationCountry: 'HK',
      status: 'accepted',
    },
  ],
};

const ours = { companyId: US, name: 'Harbour Pay', status: 'verified' } as Membership;

afterEach(() => vi.useRealTimers());

describe('ProfilePage', () => {
  const answers = () => ({
    [`GET /api/companies/${THEM}`]: json(200, profile),
    [`GET /api/companies/${THEM}/activities`]: json(200, theirActivities),
    [`GET /api/companies/${US}/activities`]: json(200, {
      sessions: [session(SHARED, 'HK–Canada fintech')],
      delegations: [],
    }),
  });

  it('shows the profile with labels and names, its time now and what it takes part in', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T15:30:00Z') });
    stubApi(answers());
    renderInApp(<ProfilePage id={THEM} companies={[ours]} />);
    expect(await screen.findByRole('heading', { name: 'Maple Ledger', level: 1 })).toBeTruthy();
    expect(screen.getByText('Toronto, Canada')).toBeTruthy();
    expect(screen.getByText('Fintech, Smart cards and payments')).toBeTruthy();
    expect(screen.getByText('Distributor')).toBeTruthy();
    expect(screen.getByText('English and French')).toBeTruthy();
    expect(screen.getByText('Hong Kong')).toBeTruthy();
    expect(screen.getByText(/Their time now: 10:30\sAM/)).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Toronto retail' });
    expect(link.getAttribute('href')).toBe(`/sessions/${THEIRS_ONLY}`);
    expect(screen.getByRole('link', { name: 'Canadian mission to Hong Kong' })).toBeTruthy();
  });

  it('requests a meeting in the one session both firms take part in', async () => {
    const api = stubApi({
      ...answers(),
      [`POST /api/sessions/${SHARED}/requests`]: json(201, { id: 'r1' }),
    });
    renderInApp(<ProfilePage id={THEM} companies={[ours]} />);
    const open = await screen.findByRole('button', {
      name: 'Request a meeting with Maple Ledger in HK–Canada fintech',
    });
    expect(screen.queryByRole('button', { name: /in Toronto retail/ })).toBeNull();
    fireEvent.click(open);
    fireEvent.change(screen.getByLabelText('Message (optional)'), {
      target: { value: 'Shall we talk payments?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send request to Maple Ledger' }));
    expect(await screen.findByText('Meeting requested')).toBeTruthy();
    const sent = api.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(sent?.[1]?.body as string)).toEqual({
      fromCompanyId: US,
      toCompanyId: THEM,
      message: 'Shall we talk payments?',
    });
  });

  it('says so, in Chinese, when the firms share no session', async () => {
    stubApi({
      ...answers(),
      [`GET /api/companies/${US}/activities`]: json(200, { sessions: [], delegations: [] }),
    });
    renderInApp(<ProfilePage id={THEM} companies={[ours]} />, { language: 'zh-Hant' });
    expect(await screen.findByText(/你與 Maple Ledger 沒有共同參加/)).toBeTruthy();
    expect(screen.getByText('Toronto, 加拿大')).toBeTruthy();
  });

  it('offers no request on its own profile', async () => {
    stubApi(answers());
    renderInApp(
      <ProfilePage id={THEM} companies={[{ ...ours, companyId: THEM, name: 'Maple Ledger' }]} />,
    );
    expect(await screen.findByRole('link', { name: 'Toronto retail' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Meet this firm' })).toBeNull();
  });
});
