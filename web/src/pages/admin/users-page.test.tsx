import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountContext } from '../../account';
import type { Me } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { UsersPage } from './users-page';

const admin = {
  id: 'a1',
  name: 'Root',
  email: 'root@example.com',
  role: 'admin',
  emailVerified: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  disabled: false,
  disabledAt: null,
};
const grace = {
  ...admin,
  id: 'o1',
  name: 'Grace Lau',
  email: 'grace@tdc.example',
  role: 'organiser',
};
const page = (items: unknown[]) => json(200, { items, total: items.length, page: 1, pageSize: 20 });

function renderUsers() {
  const me = { user: admin, companies: [] } as unknown as Me;
  return renderInApp(
    <AccountContext.Provider value={{ me, reload: vi.fn() }}>
      <UsersPage />
    </AccountContext.Provider>,
  );
}

describe("the admin's accounts page", () => {
  it('finds accounts by name and filters, paged', async () => {
    const fetch = stubApi({
      'GET /api/users?page=1&pageSize=20': page([grace, admin]),
      'GET /api/users?page=1&pageSize=20&q=grace': page([grace]),
      'GET /api/users?page=1&pageSize=20&q=grace&role=organiser&disabled=true': page([]),
    });
    renderUsers();
    expect(await screen.findByText('grace@tdc.example')).toBeTruthy();
    // The admin's own row offers nothing to do.
    const own = screen.getByText('root@example.com').closest('tr')!;
    expect(within(own).queryByRole('button')).toBeNull();
    fireEvent.change(screen.getByLabelText('Name or email'), { target: { value: 'grace' } });
    await screen.findByText('1 account');
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'organiser' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'true' } });
    expect(await screen.findByText('No account matches.')).toBeTruthy();
    expect(fetch).toHaveBeenCalled();
  });

  it('disables an account only after asking', async () => {
    const fetch = stubApi({
      'GET /api/users?page=1&pageSize=20': page([grace]),
      'PATCH /api/users/o1': json(200, { user: { ...grace, disabled: true } }),
    });
    renderUsers();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Disable the account of Grace Lau' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Disable the account of Grace Lau?' });
    expect(within(dialog).getByText(/signed out everywhere at once/)).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable the account' }));
    await vi.waitFor(() => {
      const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH');
      expect(JSON.parse(patch?.[1]?.body as string)).toEqual({ disabled: true });
    });
  });

  it('creates an organiser, and names the fields the API refused', async () => {
    let created = false;
    stubApi({
      'GET /api/users?page=1&pageSize=20': page([]),
      'POST /api/users': () => {
        if (created) {
          return json(201, { user: { ...grace, id: 'o2' } });
        }
        created = true;
        return json(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Validation failed',
          code: 'validation_failed',
          fields: { password: ['password must be at least 10 characters long'] },
        });
      },
    });
    renderUsers();
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Grace Lau' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'grace@tdc.example' } });
    fireEvent.change(screen.getByLabelText('First password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the account' }));
    const password = screen.getByLabelText('First password');
    await vi.waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(password, { target: { value: 'a-long-first-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the account' }));
    expect(
      await screen.findByText('Account created for Grace Lau (grace@tdc.example).'),
    ).toBeTruthy();
  });
});
