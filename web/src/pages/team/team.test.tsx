import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountContext } from '../../account';
import type { Me } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { ShellContext } from '../account/account-api';
import { InvitationPage } from './invitation-page';
import { InviteForm } from './invite-form';
import { PendingInvitations } from './pending-invitations';
import { TeamPage } from './team-page';

const COMPANY = '11111111-1111-4111-8111-111111111111';
const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const me = (id: string): Me =>
  ({
    user: {
      id,
      name: 'Ada',
      email: 'ada@example.com',
      role: 'member',
      emailVerified: true,
      createdAt: '2026-11-30T00:00:00.000Z',
    },
    companies: [],
  }) as unknown as Me;

const members = [
  { userId: 'u1', name: 'Ada', email: 'ada@example.com', role: 'owner', emailVerified: true },
  { userId: 'u2', name: 'Ben', email: 'ben@example.com', role: 'member', emailVerified: false },
];

function renderTeam(viewer: string, reload = vi.fn()) {
  return renderInApp(
    <AccountContext.Provider value={{ me: me(viewer), reload }}>
      <TeamPage companyId={COMPANY} />
    </AccountContext.Provider>,
  );
}

describe('the team page', () => {
  it('lists members with roles and verified addresses; owners remove after confirming', async () => {
    const fetch = stubApi({
      [`GET /api/companies/${COMPANY}/members`]: json(200, members),
      [`GET /api/companies/${COMPANY}`]: json(200, { id: COMPANY, name: 'Ada Foods' }),
      [`GET /api/companies/${COMPANY}/invitations`]: json(200, []),
      [`DELETE /api/companies/${COMPANY}/members/u2`]: json(204, null),
    });
    renderTeam('u1');
    const ben = (await screen.findByText('Ben')).closest('li')!;
    expect(within(ben).getByText('Address not verified')).toBeTruthy();
    expect(within(ben).getByText('Member')).toBeTruthy();
    fireEvent.click(within(ben).getByRole('button', { name: 'Remove Ben' }));
    expect(within(ben).getByText(/Remove Ben from Ada Foods\? They lose access/)).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(ben).getByRole('button', { name: 'Yes, do it' }));
    await vi.waitFor(() =>
      expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true),
    );
    expect(await screen.findByRole('heading', { name: 'Invite a colleague' })).toBeTruthy();
  });

  it('lets a plain member leave, and no more', async () => {
    const reload = vi.fn();
    stubApi({
      [`GET /api/companies/${COMPANY}/members`]: json(200, members),
      [`GET /api/companies/${COMPANY}`]: json(200, { id: COMPANY, name: 'Ada Foods' }),
      [`DELETE /api/companies/${COMPANY}/members/u2`]: json(204, null),
    });
    renderTeam('u2', reload);
    const ada = (await screen.findByText('ada@example.com')).closest('li')!;
    expect(within(ada).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Invite a colleague' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Leave the company' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, do it' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
  });

  it('words the last owner refusal', async () => {
    stubApi({
      [`GET /api/companies/${COMPANY}/members`]: json(200, members),
      [`GET /api/companies/${COMPANY}`]: json(200, { id: COMPANY, name: 'Ada Foods' }),
      [`GET /api/companies/${COMPANY}/invitations`]: json(200, []),
      [`PATCH /api/companies/${COMPANY}/members/u1`]: json(409, {
        statusCode: 409,
        message: 'A company keeps at least one owner',
        code: 'company.last_owner',
      }),
    });
    renderTeam('u1');
    const ada = (await screen.findByText('ada@example.com')).closest('li')!;
    fireEvent.click(within(ada).getByRole('button', { name: 'Make member: Ada' }));
    fireEvent.click(within(ada).getByRole('button', { name: 'Yes, do it' }));
    expect((await within(ada).findByRole('alert')).textContent).toBe(
      'A company keeps at least one owner: make another member owner first.',
    );
  });
});

describe('the invite form', () => {
  it('sends the address and the role, and names a bad field', async () => {
    stubApi({
      [`POST /api/companies/${COMPANY}/invitations`]: json(400, {
        statusCode: 400,
        message: 'Invalid input',
        fields: { email: ['email must be an email address'] },
      }),
    });
    renderInApp(<InviteForm companyId={COMPANY} />);
    fill('Their email address', 'ben');
    fill('Role', 'owner');
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('email must be an email address');
    expect(screen.getByLabelText<HTMLSelectElement>('Role').value).toBe('owner');
  });

  it('says where it went', async () => {
    stubApi({
      [`POST /api/companies/${COMPANY}/invitations`]: json(201, {
        id: 'i1',
        companyId: COMPANY,
        email: 'ben@example.com',
        role: 'member',
        expiresAt: '2026-12-07T00:00:00.000Z',
        createdAt: '2026-11-30T00:00:00.000Z',
      }),
    });
    renderInApp(<InviteForm companyId={COMPANY} />);
    fill('Their email address', 'ben@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Invitation sent to ben@example.com. The link works for seven days.',
    );
  });
});

describe('the pending invitations', () => {
  it('withdraws one after asking, and lists what is left', async () => {
    const invitation = {
      id: 'i1',
      companyId: COMPANY,
      email: 'ben@example.com',
      role: 'member',
      expiresAt: '2026-12-07T00:00:00.000Z',
      createdAt: '2026-11-30T00:00:00.000Z',
    };
    let withdrawn = false;
    const fetch = stubApi({
      [`GET /api/companies/${COMPANY}/invitations`]: () => json(200, withdrawn ? [] : [invitation]),
      [`DELETE /api/companies/${COMPANY}/invitations/i1`]: () => {
        withdrawn = true;
        return json(204, null);
      },
    });
    renderInApp(<PendingInvitations companyId={COMPANY} />);
    const row = (await screen.findByText(/ben@example\.com as Member/)).closest('li')!;
    fireEvent.click(
      within(row).getByRole('button', { name: 'Withdraw the invitation of ben@example.com' }),
    );
    expect(
      within(row).getByText(
        'Withdraw the invitation of ben@example.com? The link in their email stops working.',
      ),
    ).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, do it' }));
    expect(await screen.findByText('No invitation is waiting.')).toBeTruthy();
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });
});

describe('the invitation page', () => {
  it('signs up first when signed out, then comes back to the invitation', async () => {
    const user = me('u9').user;
    stubApi({ 'POST /api/auth/register': json(201, { user, accessToken: 'jwt' }) });
    const signedIn = vi.fn();
    renderInApp(
      <ShellContext.Provider value={{ signedIn, reload: vi.fn(), setLanguage: vi.fn() }}>
        <InvitationPage />
      </ShellContext.Provider>,
      { path: '/invitations/accept?token=abc' },
    );
    fill('Your name', 'Ben');
    fill('Email', 'ben@example.com');
    fill('Password', 'a-good-long-password');
    fireEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    await vi.waitFor(() =>
      expect(signedIn).toHaveBeenCalledWith(user, '/invitations/accept?token=abc'),
    );
  });

  it('joins the team in one click when signed in', async () => {
    const reload = vi.fn();
    stubApi({
      'POST /api/invitations/accept': json(200, {
        companyId: COMPANY,
        name: 'Ada Foods',
        country: 'HK',
        status: 'verified',
        role: 'member',
      }),
    });
    renderInApp(
      <AccountContext.Provider value={{ me: me('u9'), reload }}>
        <InvitationPage />
      </AccountContext.Provider>,
      { path: '/invitations/accept?token=abc' },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Accept the invitation' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'You are now in the team of Ada Foods.',
    );
    expect(reload).toHaveBeenCalled();
  });
});
