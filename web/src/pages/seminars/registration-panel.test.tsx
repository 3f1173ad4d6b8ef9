import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Membership } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { RegistrationPanel } from './registration-panel';
import type { SeminarDetail, SeminarRegistration } from './types';

const firm: Membership = {
  companyId: 'c1',
  name: 'Harbour Pay',
  country: 'HK',
  status: 'verified',
  role: 'owner',
};

function seminar(myRegistration: SeminarRegistration | null, seatsLeft = 3): SeminarDetail {
  return {
    id: 's1',
    title: 'Smart cards and e-payment',
    kind: 'seminar',
    description: '',
    startsAt: '2031-06-10T01:30:00.000Z',
    endsAt: '2031-06-10T04:30:00.000Z',
    timezone: 'Asia/Hong_Kong',
    venue: 'HKCEC Room S421',
    videoUrl: null,
    capacity: 3,
    registeredCount: 3 - seatsLeft,
    waitlistedCount: 0,
    seatsLeft,
    partnerId: null,
    partnerCountry: null,
    partnerName: null,
    agreementId: null,
    createdAt: '2031-01-01T00:00:00.000Z',
    updatedAt: '2031-01-01T00:00:00.000Z',
    myRegistration,
  };
}

const seat = (overrides: Partial<SeminarRegistration> = {}): SeminarRegistration => ({
  id: 'r1',
  seminarId: 's1',
  companyId: 'c1',
  companyName: 'Harbour Pay',
  companyCountry: 'HK',
  userId: 'u1',
  userName: 'Amy Chan',
  status: 'registered',
  waitlistPosition: null,
  checkInCode: '7KQ2M-X9D4P',
  checkedInAt: null,
  createdAt: '2031-01-02T00:00:00.000Z',
  ...overrides,
});

afterEach(() => vi.restoreAllMocks());

describe('the registration panel', () => {
  it('shows a seat holder the QR code of their check-in code, and the code to type', async () => {
    renderInApp(<RegistrationPanel seminar={seminar(seat())} companies={[firm]} />);
    const image = await screen.findByRole('img', {
      name: 'QR code of your check-in code 7KQ2M-X9D4P',
    });
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent(image.getAttribute('src') ?? '')).toContain('<svg');
    expect(screen.getByText('7KQ2M-X9D4P')).toBeTruthy();
    expect(screen.getByText('Registered')).toBeTruthy();
  });

  it('shows the place on the waitlist, and no QR code', () => {
    renderInApp(
      <RegistrationPanel
        seminar={seminar(seat({ status: 'waitlisted', waitlistPosition: 2 }), 0)}
        companies={[firm]}
      />,
    );
    expect(screen.getByText('You are number 2 on the waitlist.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('registers for the company, on the waitlist when full', async () => {
    const api = stubApi({
      'POST /api/seminars/s1/registrations': json(201, seat({ status: 'waitlisted' })),
    });
    renderInApp(<RegistrationPanel seminar={seminar(null, 0)} companies={[firm]} />);
    expect(screen.getByText('All seats are taken: you will join the waitlist.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Join the waitlist for Harbour Pay' }));
    await waitFor(() => expect(api).toHaveBeenCalledTimes(1));
    expect(api.mock.calls[0][1]?.body).toBe(JSON.stringify({ companyId: 'c1' }));
  });

  it('asks before withdrawing, then withdraws', async () => {
    const api = stubApi({
      'PATCH /api/seminars/s1/registrations/r1': json(200, seat({ status: 'withdrawn' })),
    });
    renderInApp(<RegistrationPanel seminar={seminar(seat())} companies={[firm]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('goes to the next person on the waitlist');
    expect(api).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(api).toHaveBeenCalledTimes(1));
    expect(api.mock.calls[0][1]?.body).toBe(JSON.stringify({ status: 'withdrawn' }));
  });

  it('speaks Chinese', async () => {
    renderInApp(<RegistrationPanel seminar={seminar(seat())} companies={[firm]} />, {
      language: 'zh-Hant',
    });
    expect(
      await screen.findByRole('img', { name: '你的入場登記碼 7KQ2M-X9D4P 的二維碼' }),
    ).toBeTruthy();
  });
});
