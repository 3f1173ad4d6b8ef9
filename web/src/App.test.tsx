import { fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { makeQueryClient } from './queries';
import { routes } from './routes';
import { json, stubApi } from './testing/render';

const renderAt = (path: string) =>
  render(
    <QueryClientProvider client={makeQueryClient()}>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />
    </QueryClientProvider>,
  );

const me = (role: string) => ({
  user: { id: 'u1', name: 'Ada', email: 'ada@example.com', role },
  companies: [{ companyId: 'c1', name: 'Ada Foods', role: 'owner' }],
});

describe('App', () => {
  it('switches language from the header and remembers the choice', () => {
    renderAt('/signin');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-Hant' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('登入');
    expect(screen.getByLabelText('語言')).toBeTruthy();
    expect(localStorage.getItem('tradematch.language')).toBe('zh-Hant');
  });

  it('signs in first on any path when there is no token', () => {
    renderAt('/sessions');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
  });

  it('routes a signed-in member to a page, and an unknown id or path to not found', async () => {
    localStorage.setItem('tradematch.token', 'jwt');
    stubApi({
      'GET /api/auth/me': json(200, me('member')),
      'GET /api/sessions?pageSize=100': json(200, { items: [], total: 0 }),
    });
    renderAt('/sessions');
    expect(await screen.findByText('No sessions yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Organise' })).toBeNull();
  });

  it('does not find a session whose id is not a UUID, nor the organisers pages for a member', async () => {
    localStorage.setItem('tradematch.token', 'jwt');
    stubApi({ 'GET /api/auth/me': json(200, me('member')) });
    const { unmount } = renderAt('/sessions/not-an-id');
    expect(await screen.findByText('This page does not exist.')).toBeTruthy();
    unmount();
    renderAt('/organise/companies');
    expect(await screen.findByText('This page does not exist.')).toBeTruthy();
  });

  it('goes back to sign-in when the API refuses the token, and forgets the token', async () => {
    localStorage.setItem('tradematch.token', 'jwt');
    stubApi({
      'GET /api/auth/me': json(200, me('member')),
      'GET /api/sessions?pageSize=100': json(401, { statusCode: 401, message: 'Unauthorized' }),
    });
    renderAt('/sessions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem('tradematch.token')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows sign-in when an expired token is refused on the account', async () => {
    localStorage.setItem('tradematch.token', 'jwt');
    stubApi({ 'GET /api/auth/me': json(401, { statusCode: 401, message: 'Unauthorized' }) });
    renderAt('/sessions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem('tradematch.token')).toBeNull();
  });

  it('signs out from the header: the token and the account are gone', async () => {
    localStorage.setItem('tradematch.token', 'jwt');
    stubApi({
      'GET /api/auth/me': json(200, me('member')),
      'GET /api/sessions?pageSize=100': json(200, { items: [], total: 0 }),
    });
    renderAt('/sessions');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(localStorage.getItem('tradematch.token')).toBeNull();
  });
});
