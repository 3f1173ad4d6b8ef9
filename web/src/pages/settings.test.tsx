import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_KINDS,
  type WireUserSettings,
} from '../../../src/notifications/notification.wire';
import { json, renderInApp, stubApi } from '../testing/render';
import { SettingsForm } from './settings';

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
    renderInApp(<SettingsForm settings={settings} />);
    fireEvent.change(screen.getByLabelText('Language of emails and notifications'), {
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
    // The typed client (openapi-fetch) sends a Request.
    const request = fetch.mock.calls[0][0] as Request;
    const body = JSON.parse(await request.text()) as {
      language: string;
      reminders: number[];
      notifications: Record<string, string>;
    };
    expect(body.language).toBe('zh-Hant');
    expect(body.reminders).toEqual([60, 10]);
    expect(body.notifications.announcement).toBe('off');
  });

  it('shows the API’s message beside the field and keeps what was typed', async () => {
    stubApi({
      'PATCH /api/users/me/settings': json(400, {
        statusCode: 400,
        message: 'Validation failed',
        fields: { timezone: ['timezone must be an IANA time zone such as Asia/Hong_Kong'] },
      }),
    });
    renderInApp(<SettingsForm settings={settings} />);
    const zone = screen.getByLabelText<HTMLInputElement>('Your time zone');
    fireEvent.change(zone, { target: { value: 'Mars/Base' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/must be an IANA time zone/)).toBeTruthy();
    expect(zone.value).toBe('Mars/Base');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps account emails on: no choice for them', () => {
    renderInApp(<SettingsForm settings={settings} />, { language: 'zh-Hant' });
    expect(screen.queryByRole('combobox', { name: '重設密碼' })).toBeNull();
    expect(screen.getAllByText('帳戶電郵必定發送。')).toHaveLength(2);
  });
});
