import { useQuery } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call } from './api/call';
import { client } from './api/client';
import { keys, makeQueryClient, QueryLoaded } from './queries';
import { json, renderInApp, stubApi } from './testing/render';

function Count() {
  const count = useQuery({
    queryKey: ['count'],
    queryFn: () => call(client.GET('/api/sessions')),
  });
  return <QueryLoaded query={count}>{({ total }) => <p>count {total}</p>}</QueryLoaded>;
}

describe('QueryLoaded', () => {
  it('shows loading, then the error with a retry that loads again', async () => {
    let status = 500;
    stubApi({
      'GET /api/sessions': () =>
        json(status, { statusCode: status, message: 'No count here', items: [], total: 7 }),
    });
    renderInApp(<Count />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect((await screen.findByRole('alert')).textContent).toContain('No count here');
    status = 200;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('count 7')).toBeTruthy();
  });
});

describe('makeQueryClient', () => {
  it('loads sessions, delegations and companies again on focus, not the account', () => {
    const queryClient = makeQueryClient();
    const onFocus = (key: readonly unknown[]) =>
      queryClient.getQueryDefaults(key).refetchOnWindowFocus ??
      queryClient.getDefaultOptions().queries?.refetchOnWindowFocus;
    expect(onFocus(keys.sessionList('pageSize=100'))).toBe(true);
    expect(onFocus(keys.session('s1'))).toBe(true);
    expect(onFocus(keys.delegation('d1'))).toBe(true);
    expect(onFocus(keys.pendingCompanies)).toBe(true);
    expect(onFocus(keys.account)).toBe(false);
    expect(onFocus(keys.notifications)).toBe(false);
  });
});
