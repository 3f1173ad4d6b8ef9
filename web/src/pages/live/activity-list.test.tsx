import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../live';
import { renderInApp } from '../../testing/render';
import { ActivityList } from './activity-list';

const request = (scheduled: boolean): WireRequest => ({
  id: 'r1',
  sessionId: 's1',
  fromCompanyId: 'c2',
  fromCompanyName: 'Ottawa Secure Payments',
  toCompanyId: 'c1',
  toCompanyName: 'Tsuen Wan Wireless',
  message: 'Another ten minutes later?',
  declineReason: null,
  window: null,
  status: 'pending',
  mutual: false,
  scheduled,
  createdAt: '2026-12-01T01:00:00.000Z',
  answeredAt: null,
});

const show = (scheduled: boolean) =>
  renderInApp(
    <ActivityList
      companyIds={['c1']}
      activity={[
        {
          id: 1,
          key: 'live.requestCreated',
          values: { from: 'Ottawa Secure Payments', to: 'Tsuen Wan Wireless' },
          request: request(scheduled),
        },
      ]}
    />,
  );

describe('a request received in the live room', () => {
  it('is answered from its notice', () => {
    show(false);
    expect(
      screen.getByRole('button', { name: 'Accept the request from Ottawa Secure Payments' }),
    ).toBeTruthy();
  });

  it('offers no answer when the two firms already have a meeting, and says so', () => {
    show(true);
    expect(screen.queryByRole('button')).toBeNull();
    expect(
      screen.getByText('A meeting with this firm is scheduled: see your agenda.'),
    ).toBeTruthy();
  });
});
