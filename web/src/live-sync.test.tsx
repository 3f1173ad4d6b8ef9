import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Membership, SessionDetail } from './api';
import { VIEWER_ZONE } from './i18n';
import { applyLiveEvent } from './live-sync';
import { SessionPage } from './pages/session';
import { Participation } from './pages/session/participation';
import { keys, makeQueryClient } from './queries';
import { FakeSocket, withLive } from './testing/live';
import { json, renderInApp, sessionFixture, stubApi } from './testing/render';

const session = sessionFixture({
  title: 'Hong Kong food fair',
  yourCompanyIds: ['c1'],
}) as unknown as SessionDetail;

const company = { companyId: 'c1', name: 'Ada Exports', status: 'verified' } as Membership;

describe('the live connection of the app', () => {
  it('shows the matches once scoring finished, without a reload', async () => {
    const socket = new FakeSocket();
    const Live = withLive(socket);
    let scored = false;
    const match = {
      company: { id: 'c2', name: 'Kowloon Foods', country: 'HK', city: 'Hong Kong' },
      score: 72,
      reasons: [],
      preference: null,
    };
    const agenda = new URLSearchParams({ companyId: 'c1', timezone: VIEWER_ZONE });
    stubApi({
      'GET /api/sessions/s1/matches?companyId=c1&page=1&pageSize=20': () =>
        json(200, { items: scored ? [match] : [], total: scored ? 1 : 0, page: 1, pageSize: 20 }),
      'GET /api/sessions/s1/requests?companyId=c1': json(200, { sent: [], received: [] }),
      [`GET /api/sessions/s1/agenda?${agenda.toString()}`]: json(200, []),
    });
    renderInApp(
      <>
        <Live />
        <Participation session={session} company={company} onJoined={vi.fn()} />
      </>,
    );
    expect(await screen.findByText(/No matches yet/)).toBeTruthy();
    scored = true;
    // Another session's scoring changes nothing here.
    socket.send('matches.updated', { sessionId: 's2' });
    socket.send('matches.updated', { sessionId: 's1' });
    expect(await screen.findByText('Kowloon Foods')).toBeTruthy();
    expect(screen.queryByText(/No matches yet/)).toBeNull();
  });

  it("shows a session's new status and participants as the organiser changes them", async () => {
    const socket = new FakeSocket();
    const Live = withLive(socket);
    let current = session;
    stubApi({ 'GET /api/sessions/s1': () => json(200, current) });
    renderInApp(
      <>
        <Live />
        <SessionPage id="s1" companies={[]} />
      </>,
    );
    expect(await screen.findByText('Open')).toBeTruthy();
    expect(screen.getByText(/3 firms take part/)).toBeTruthy();

    current = { ...session, participantCount: 4 };
    socket.send('participants.updated', { sessionId: 's1' });
    expect(await screen.findByText(/4 firms take part/)).toBeTruthy();

    current = { ...current, status: 'closed' };
    socket.send('session.updated', { sessionId: 's1', status: 'closed' });
    expect(await screen.findByText('Closed')).toBeTruthy();
  });

  it('loads everything on screen again after a connection that lost events, not after the first', async () => {
    const socket = new FakeSocket();
    const Live = withLive(socket);
    const api = stubApi({ 'GET /api/sessions/s1': json(200, session) });
    renderInApp(
      <>
        <Live />
        <SessionPage id="s1" companies={[]} />
      </>,
    );
    // The session's own loads (the page also lists who takes part).
    const sessionLoads = () =>
      api.mock.calls.filter(([url]) => String(url).endsWith('/api/sessions/s1')).length;
    await screen.findByText('Open');
    socket.send('connect');
    expect(sessionLoads()).toBe(1);
    socket.send('connect');
    await vi.waitFor(() => expect(sessionLoads()).toBe(2));
  });
});

describe('what a live event makes stale', () => {
  const stale = (apply: (queryClient: ReturnType<typeof makeQueryClient>) => void) => {
    const queryClient = makeQueryClient();
    const cached = [
      keys.account,
      keys.company('c1'),
      keys.pendingCompanies,
      keys.session('s1'),
      keys.matches('s1', 'c1'),
      keys.participants('s1', 1),
      keys.session('s2'),
      keys.delegation('d1'),
      keys.unreadCount,
    ];
    for (const key of cached) queryClient.setQueryData(key, {});
    apply(queryClient);
    return cached
      .filter((key) => queryClient.getQueryState(key)?.isInvalidated)
      .map((key) => key.join('/'));
  };

  it('a company decision: the account (its memberships) and every company query', () => {
    expect(
      stale((queryClient) =>
        applyLiveEvent(queryClient, 'company.updated', {
          company: { id: 'c1' } as never,
        }),
      ),
    ).toEqual(['account', 'companies/c1', 'companies/pending']);
  });

  it("a firm joining: that session's page and participants, nothing of its matches", () => {
    expect(
      stale((queryClient) =>
        applyLiveEvent(queryClient, 'participants.updated', { sessionId: 's1' }),
      ),
    ).toEqual(['sessions/s1', 'sessions/s1/participants/1']);
  });

  it("a firm's own marks changed: its matches in that session, nothing else", () => {
    expect(
      stale((queryClient) =>
        applyLiveEvent(queryClient, 'preference.updated', { sessionId: 's1', companyId: 'c1' }),
      ),
    ).toEqual(['sessions/s1/matches/c1']);
  });

  it('an application decided: the delegations', () => {
    expect(
      stale((queryClient) =>
        applyLiveEvent(queryClient, 'application.updated', {
          application: { delegationId: 'd1' } as never,
        }),
      ),
    ).toEqual(['delegations/d1']);
  });
});
