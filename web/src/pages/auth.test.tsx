import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../testing/render';
import { AuthPage } from './auth';

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('AuthPage', () => {
  it("shows the API's messages beside their fields and keeps what was typed", async () => {
    stubApi({
      'POST /api/auth/register': json(400, {
        statusCode: 400,
        message: 'Validation failed',
        fields: { password: ['password must be longer than or equal to 10 characters'] },
      }),
    });
    const signedIn = vi.fn();
    renderInApp(<AuthPage mode="signup" onSignedIn={signedIn} />);
    fill('Your name', 'Ada');
    fill('Email', 'ada@example.com');
    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('password must be longer than or equal to 10 characters');
    expect(alert.closest('.field')?.querySelector('input')?.id).toBe('password');
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('ada@example.com');
    expect(signedIn).not.toHaveBeenCalled();
  });

  it('shows an error that names no field above the button', async () => {
    stubApi({
      'POST /api/auth/login': json(401, { statusCode: 401, message: 'Wrong email or password' }),
    });
    renderInApp(<AuthPage mode="signin" onSignedIn={vi.fn()} />);
    fill('Email', 'ada@example.com');
    fill('Password', 'not the password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password');
  });

  it('stores the token and hands the user on', async () => {
    const user = { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'member' };
    const fetch = stubApi({ 'POST /api/auth/login': json(200, { user, accessToken: 'jwt' }) });
    const signedIn = vi.fn();
    renderInApp(<AuthPage mode="signin" onSignedIn={signedIn} />);
    fill('Email', 'ada@example.com');
    fill('Password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(signedIn).toHaveBeenCalledWith(user));
    expect(localStorage.getItem('tradematch.token')).toBe('jwt');
    const [, init] = fetch.mock.calls[0];
    expect(JSON.parse(init?.body as string)).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
  });
});
