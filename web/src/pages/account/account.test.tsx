import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../../testing/render';
import { ShellContext } from './account-api';
import { ChangeEmailForm } from './change-email';
import { ChangePasswordForm } from './change-password';
import { ForgotPasswordPage } from './forgot-password';
import { ResetPasswordPage } from './reset-password';
import { VerifyBanner } from './verify-banner';

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const user = {
  id: 'u1',
  name: 'Ada',
  email: 'ada@example.com',
  role: 'member',
  emailVerified: false,
  createdAt: '2026-11-30T00:00:00.000Z',
} as const;

function bodyOf(fetch: ReturnType<typeof stubApi>, call = 0): unknown {
  return JSON.parse(fetch.mock.calls[call][1]?.body as string);
}

describe('forgot password', () => {
  it('says the same thing whatever the address, once the API took it', async () => {
    const fetch = stubApi({ 'POST /api/auth/password-reset': json(202, {}) });
    renderInApp(<ForgotPasswordPage />);
    fill('Email', 'ada@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'If ada@example.com has an account, a link is on its way',
    );
    expect(bodyOf(fetch)).toEqual({ email: 'ada@example.com' });
  });

  it("shows the API's message beside the field and keeps the input", async () => {
    stubApi({
      'POST /api/auth/password-reset': json(400, {
        statusCode: 400,
        message: 'Invalid input',
        fields: { email: ['email must be an email address'] },
      }),
    });
    renderInApp(<ForgotPasswordPage />);
    fill('Email', 'ada');
    fireEvent.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Give an email address, such as ada@example.hk.',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('ada');
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('is worded in Traditional Chinese too', () => {
    renderInApp(<ForgotPasswordPage />, { language: 'zh-Hant' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('重設密碼');
  });
});

describe('reset password', () => {
  it('sets the password with the token of the link, stores the new token and signs in', async () => {
    const fetch = stubApi({
      'POST /api/auth/password-reset/confirm': json(200, { user, accessToken: 'fresh' }),
    });
    const signedIn = vi.fn();
    renderInApp(
      <ShellContext.Provider value={{ signedIn, reload: vi.fn(), setLanguage: vi.fn() }}>
        <ResetPasswordPage />
      </ShellContext.Provider>,
      { path: '/reset-password?token=abc' },
    );
    fill('New password', 'a-new-long-password');
    fireEvent.click(screen.getByRole('button', { name: 'Set the password and sign in' }));
    await vi.waitFor(() => expect(signedIn).toHaveBeenCalledWith(user));
    expect(localStorage.getItem('tradematch.token')).toBe('fresh');
    expect(bodyOf(fetch)).toEqual({ token: 'abc', password: 'a-new-long-password' });
  });

  it('words a link that no longer works and offers a new one', async () => {
    stubApi({
      'POST /api/auth/password-reset/confirm': json(400, {
        statusCode: 400,
        message: 'This link is not valid',
        code: 'auth.token_invalid_link',
        fields: { token: ['is not valid'] },
      }),
    });
    renderInApp(<ResetPasswordPage />, { path: '/reset-password?token=old' });
    fill('New password', 'a-new-long-password');
    fireEvent.click(screen.getByRole('button', { name: 'Set the password and sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This link no longer works');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });

  it('says where the page comes from without a token', () => {
    renderInApp(<ResetPasswordPage />, { path: '/reset-password' });
    expect(screen.getByText(/opens from the link in the email/)).toBeTruthy();
  });
});

describe('change password', () => {
  it('names a wrong current password beside its field', async () => {
    stubApi({
      'POST /api/auth/password': json(400, {
        statusCode: 400,
        message: 'The current password is wrong',
        code: 'auth.wrong_password',
        fields: { currentPassword: ['is wrong'] },
      }),
    });
    renderInApp(<ChangePasswordForm />);
    fill('Current password', 'nope');
    fill('New password', 'a-new-long-password');
    fireEvent.click(screen.getByRole('button', { name: 'Change the password' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The current password is not right.');
    expect(alert.closest('.field')?.querySelector('input')?.id).toBe('current-password');
    expect(screen.getByLabelText<HTMLInputElement>('New password').value).toBe(
      'a-new-long-password',
    );
  });

  it('says what was refused in the reader’s language, never the field’s name', async () => {
    stubApi({
      'POST /api/auth/password': json(400, {
        statusCode: 400,
        message: 'Invalid input',
        fields: { newPassword: ['newPassword must be at least 10 characters long'] },
      }),
    });
    renderInApp(<ChangePasswordForm />, { language: 'zh-Hant' });
    fill('目前密碼', 'the-old-long-password');
    fill('新密碼', 'short');
    fireEvent.click(screen.getByRole('button', { name: '更改密碼' }));
    expect((await screen.findByRole('alert')).textContent).toBe('請設定最少 10 個字元的密碼。');
    expect(screen.queryByText(/newPassword/)).toBeNull();
  });

  it('stores the new token the answer carries', async () => {
    stubApi({ 'POST /api/auth/password': json(200, { user, accessToken: 'next' }) });
    renderInApp(<ChangePasswordForm />);
    fill('Current password', 'correct horse battery');
    fill('New password', 'a-new-long-password');
    fireEvent.click(screen.getByRole('button', { name: 'Change the password' }));
    expect((await screen.findByRole('status')).textContent).toContain('Your password is changed');
    expect(localStorage.getItem('tradematch.token')).toBe('next');
  });
});

describe('change email', () => {
  it('says the change waits for the link sent to the new address', async () => {
    const fetch = stubApi({ 'POST /api/auth/email': json(202, {}) });
    renderInApp(<ChangeEmailForm current="ada@example.com" />);
    fill('New email address', 'ada@new.example');
    fill('Your password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Send a confirmation link' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'We sent a link to ada@new.example. Your address changes when you follow it; until then you sign in with ada@example.com.',
    );
    expect(bodyOf(fetch)).toEqual({
      email: 'ada@new.example',
      currentPassword: 'correct horse battery',
    });
  });

  it('shows a taken address as a whole-form error', async () => {
    stubApi({
      'POST /api/auth/email': json(409, {
        statusCode: 409,
        message: 'An account with this email already exists',
        code: 'user.email_taken',
      }),
    });
    renderInApp(<ChangeEmailForm current="ada@example.com" />);
    fill('New email address', 'taken@example.com');
    fill('Your password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Send a confirmation link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'An account with this email address already exists.',
    );
  });
});

describe('the verification banner', () => {
  it('sends the link again and can be dismissed', async () => {
    stubApi({ 'POST /api/auth/email-verification': json(202, {}) });
    renderInApp(<VerifyBanner user={user} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send the link again' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'We sent a new link to ada@example.com.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Please verify/)).toBeNull();
  });

  it('is not shown once the address is verified', () => {
    renderInApp(<VerifyBanner user={{ ...user, emailVerified: true }} />);
    expect(screen.queryByText(/Please verify/)).toBeNull();
  });
});
