import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderInApp, stubApi } from '../testing/render';
import { SessionsPage } from './sessions';

const session = {
  id: '5b3c1f0e-7a4d-4c8e-9f21-0d6a2b9e8c11',
  title: 'Hong Kong food fair',
  status: 'open',
  mode: 'video',
  startsAt: '2026-12-01T01:00:00.000Z',
  endsAt: '2026-12-01T05:00:00.000Z',
};

describe('SessionsPage', () => {
  it('lists the sessions, each linking to its page', async () => {
    stubApi({
      'GET /api/sessions?pageSize=100': json(200, { items: [session], total: 1 }),
    });
    renderInApp(<SessionsPage />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    const link = await screen.findByRole('link', { name: 'Hong Kong food fair' });
    expect(link.getAttribute('href')).toBe(`/sessions/${session.id}`);
  });

  it('says when there are none', async () => {
    stubApi({ 'GET /api/sessions?pageSize=100': json(200, { items: [], total: 0 }) });
    renderInApp(<SessionsPage />, { language: 'zh-Hant' });
    expect(await screen.findByText('暫時沒有配對會。')).toBeTruthy();
  });

  it('shows a network failure and loads again on retry', async () => {
    let answer: Response | Error = new TypeError('Failed to fetch');
    stubApi({ 'GET /api/sessions?pageSize=100': () => answer });
    renderInApp(<SessionsPage />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The server cannot be reached',
    );
    answer = json(200, { items: [session], total: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Hong Kong food fair' })).toBeTruthy();
  });
});
