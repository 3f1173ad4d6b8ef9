import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderInApp, stubApi } from '../testing/render';
import { Bell } from './bell';

const page = (unread: number) => ({ items: [], total: unread, unread, page: 1, pageSize: 1 });

describe('Bell', () => {
  it('shows the unread count and links to the notifications', async () => {
    stubApi({ 'GET /api/notifications?pageSize=1': json(200, page(3)) });
    renderInApp(<Bell />);
    const link = await screen.findByRole('link', { name: 'Notifications: 3 unread' });
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(link.textContent).toContain('3');
  });

  it('shows no number when nothing is unread, in Traditional Chinese too', async () => {
    stubApi({ 'GET /api/notifications?pageSize=1': json(200, page(0)) });
    renderInApp(<Bell />, { language: 'zh-Hant' });
    const link = await screen.findByRole('link', { name: '通知' });
    expect(link.querySelector('.bell-count')).toBeNull();
  });

  it('caps a large count at 99+', async () => {
    stubApi({ 'GET /api/notifications?pageSize=1': json(200, page(250)) });
    renderInApp(<Bell />);
    const link = await screen.findByRole('link', { name: 'Notifications: 250 unread' });
    expect(link.textContent).toContain('99+');
  });
});
