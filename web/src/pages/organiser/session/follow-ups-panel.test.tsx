import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderInApp, sessionFixture, stubApi } from '../../../testing/render';
import type { SessionSettings } from '../types';
import { FollowUpsPanel } from './follow-ups-panel';

const closed = sessionFixture({
  status: 'closed',
  followUpMonths: [3, 6],
}) as unknown as SessionSettings;

describe('the follow-ups panel of a closed session', () => {
  it('lists each survey with when it is due, sent and answered, and saves new months', async () => {
    const fetch = stubApi({
      'GET /api/sessions/s1/follow-ups': json(200, {
        followUpMonths: [3, 6],
        surveys: [
          {
            id: 'f1',
            company: { id: 'c1', name: 'Harbour Pay', country: 'HK' },
            months: 3,
            dueAt: '2031-06-10T01:00:00.000Z',
            sentAt: '2031-06-10T01:05:00.000Z',
            answeredAt: null,
          },
        ],
        latest: [],
      }),
      'PATCH /api/sessions/s1': json(200, { ...closed, followUpMonths: [3, 12] }),
    });
    renderInApp(<FollowUpsPanel detail={closed} />);
    const row = (await screen.findByText('Harbour Pay (Hong Kong)')).closest('tr')!;
    expect(row.textContent).toContain('3 months');
    expect(row.textContent).toContain('Not yet');
    fireEvent.click(screen.getByRole('checkbox', { name: '6 months' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '12 months' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the months' }));
    expect((await screen.findByRole('status')).textContent).toContain('follow the new months');
    const patch = fetch.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(JSON.parse(patch[1]!.body as string)).toEqual({ followUpMonths: [3, 12] });
  });
});
