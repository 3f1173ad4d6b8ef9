import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  isAlwaysSent,
  NOTIFICATION_KINDS,
  type WireUserSettings,
} from '../../../src/notifications/notification.wire';
import { en, type MessageKey } from '../i18n/en';
import { json, renderInApp, stubApi } from '../testing/render';
import { ShellContext } from './account/account-api';
import { SettingsForm } from './settings';
import { AccountContext } from '../account';
import type { Me } from '../api';

const settings: WireUserSettings = {
  language: 'en',
  timezone: 'Asia/Hong_Kong',
  reminders: [1440, 15],
  notifications: Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, kind === 'announcement' ? 'in-app' : 'email']),
  ) as WireUserSettings['notifications'],
};

describe('SettingsForm', () => {
  it('sends language, zone, reminders and deliveries, and says it saved', async () => {
    const fetch = stubApi({
      'PATCH /api/users/me/settings': json(200, { ...settings, language: 'zh-Hant' }),
    });
    const setLanguage = vi.fn();
    renderInApp(
      <ShellContext.Provider value={{ signedIn: vi.fn(), reload: vi.fn(), setLanguage }}>
        <SettingsForm settings={settings} />
      </ShellContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('Your language (the app, emails and notifications)'), {
      target: { value: 'zh-Hant' },
    });
    fireEvent.change(screen.getByLabelText(/Meeting reminders/), {
      target: { value: '60, 10' },
    });
    fireEvent.change(screen.getByLabelText('Announcements in a session'), {
      target: { value: 'off' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('status')).textContent).toBe('Settings saved.');
    const body = JSON.parse(fetch.mock.calls[0][1]?.body as string) as {
      language: string;
      reminders: number[];
      notifications: Record<string, string>;
    };
    expect(body.language).toBe('zh-Hant');
    expect(body.reminders).toEqual([60, 10]);
    expect(body.notifications.announcement).toBe('off');
    // The app itself switches to the language saved.
    expect(setLanguage).toHaveBeenCalledWith('zh-Hant');
  });

  it('offers the time zones by name, and shows the server’s 400 beside the field, keeping the choice', async () => {
    stubApi({
      'PATCH /api/users/me/settings': json(400, {
        statusCode: 400,
        message: 'Validation failed',
        fields: { timezone: ['timezone must be an IANA time zone such as Asia/Hong_Kong'] },
      }),
    });
    renderInApp(<SettingsForm settings={settings} />);
    const zone = screen.getByLabelText<HTMLSelectElement>('Your time zone');
    expect(zone.tagName).toBe('SELECT');
    expect(zone.value).toBe('Asia/Hong_Kong');
    const helsinki = screen.getByRole<HTMLOptionElement>('option', { name: /Europe\/Helsinki/ });
    expect(helsinki.textContent).toMatch(
      /^Europe\/Helsinki — Eastern European .*Time \(GMT\+\d\)$/,
    );
    fireEvent.change(zone, { target: { value: 'Europe/Helsinki' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Choose a time zone from the list.')).toBeTruthy();
    expect(zone.value).toBe('Europe/Helsinki');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(zone.getAttribute('aria-describedby')).toBe(
      'settings-timezone-hint settings-timezone-error',
    );
  });

  it('says what to do about refused reminders in the reader’s language, keeping what was typed', async () => {
    stubApi({
      'PATCH /api/users/me/settings': json(400, {
        statusCode: 400,
        message: 'Validation failed',
        fields: { reminders: ['reminders must be at least 1 minute'] },
      }),
    });
    renderInApp(<SettingsForm settings={settings} />, { language: 'zh-Hant' });
    const reminders = screen.getByLabelText<HTMLInputElement>(/會面提醒/);
    fireEvent.change(reminders, { target: { value: '0, 15' } });
    fireEvent.click(screen.getByRole('button', { name: '儲存設定' }));
    expect(await screen.findByText(/請輸入最多 5 個整數分鐘數/)).toBeTruthy();
    expect(screen.queryByText(/must be at least/)).toBeNull();
    expect(reminders.value).toBe('0, 15');
    expect(reminders.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a saved zone the browser does not know', () => {
    renderInApp(<SettingsForm settings={{ ...settings, timezone: 'Mars/Base' }} />);
    expect(screen.getByLabelText<HTMLSelectElement>('Your time zone').value).toBe('Mars/Base');
  });

  it('offers a choice for every kind the user may turn off', () => {
    renderInApp(<SettingsForm settings={settings} />);
    for (const kind of NOTIFICATION_KINDS) {
      if (isAlwaysSent(kind)) continue;
      expect(screen.getByRole('combobox', { name: en[`kind.${kind}` as MessageKey] })).toBeTruthy();
    }
    expect(
      screen.getByText('Invitations go to the address a colleague gives: always sent.'),
    ).toBeTruthy();
  });

  it('offers a firm’s user no choice for the organisers’ kinds', () => {
    const member = { user: { role: 'member' }, companies: [] } as unknown as Me;
    renderInApp(
      <AccountContext.Provider value={{ me: member, reload: () => undefined }}>
        <SettingsForm settings={settings} />
      </AccountContext.Provider>,
    );
    expect(screen.queryByText(en['kind.agreement.expiring'])).toBeNull();
    expect(screen.getByText(en['kind.request.received'])).toBeTruthy();
  });

  it('keeps account emails on: no choice for them', () => {
    renderInApp(<SettingsForm settings={settings} />, { language: 'zh-Hant' });
    expect(screen.queryByRole('combobox', { name: '重設密碼' })).toBeNull();
    expect(screen.getAllByText('帳戶電郵必定發送。')).toHaveLength(2);
  });
});
