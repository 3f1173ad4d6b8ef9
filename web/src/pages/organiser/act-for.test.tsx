import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AgendaItem, MeetingRequest } from '../../api';
import { VIEWER_ZONE } from '../../i18n';
import { json, renderInApp, sessionFixture, stubApi } from '../../testing/render';
import { ActForPage } from './act-for';

const SESSION = '22222222-2222-4222-8222-222222222222';
const HARBOUR = '33333333-3333-4333-8333-333333333333';
const MAPLE = '44444444-4444-4444-8444-444444444444';
const YUKON = '55555555-5555-4555-8555-555555555555';

const session = sessionFixture({ id: SESSION });
const harbour = { id: HARBOUR, name: 'Harbour Pay', country: 'HK', status: 'verified' };
const match = {
  company: { id: MAPLE, name: 'Maple Ledger', country: 'CA', city: 'Toronto' },
  score: 81,
  reasons: [],
  preference: null,
};
const received: MeetingRequest = {
  id: 'r1',
  sessionId: SESSION,
  fromCompanyId: YUKON,
  fromCompanyName: 'Yukon Secure',
  toCompanyId: HARBOUR,
  toCompanyName: 'Harbour Pay',
  message: '',
  declineReason: null,
  window: null,
  status: 'pending',
  mutual: false,
  scheduled: false,
  createdAt: '2031-03-01T01:00:00.000Z',
  answeredAt: null,
};
const meeting = (startsAt: string, endsAt: string) =>
  ({
    id: 'm1',
    status: 'scheduled',
    startsAt,
    endsAt,
    other: { id: YUKON, name: 'Yukon Secure', country: 'CA', city: 'Whitehorse', timezone: 'UTC' },
    feedback: null,
  }) as unknown as AgendaItem;

const path = `/api/sessions/${SESSION}`;
const agendaQuery = new URLSearchParams({ companyId: HARBOUR, timezone: VIEWER_ZONE });
const firmsView = (agenda: AgendaItem[] = []) => ({
  [`GET ${path}`]: json(200, session),
  [`GET /api/companies/${HARBOUR}`]: json(200, harbour),
  [`GET ${path}/matches?companyId=${HARBOUR}&page=1&pageSize=20`]: json(200, {
    items: [match],
    total: 1,
    page: 1,
    pageSize: 20,
  }),
  [`GET ${path}/requests?companyId=${HARBOUR}`]: json(200, { sent: [], received: [received] }),
  [`GET ${path}/agenda?${agendaQuery.toString()}`]: json(200, agenda),
});
const bodies = (fetch: ReturnType<typeof stubApi>, method: string) =>
  fetch.mock.calls
    .filter(([, init]) => init?.method === method)
    .map(([url, init]) => [
      new URL(url, 'http://localhost').pathname,
      JSON.parse((init?.body as string | undefined) ?? 'null') as unknown,
    ]);

describe('an organiser acting for a firm', () => {
  it("shows the firm's view under a banner, with the way back, and requests in its name", async () => {
    const fetch = stubApi({
      ...firmsView(),
      [`POST ${path}/requests`]: json(201, {
        ...received,
        id: 'r2',
        fromCompanyId: HARBOUR,
        toCompanyId: MAPLE,
      }),
      [`PATCH ${path}/requests/r1`]: json(200, { ...received, status: 'accepted' }),
    });
    renderInApp(<ActForPage sessionId={SESSION} companyId={HARBOUR} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Harbour Pay in “Fintech day”' }),
    ).toBeTruthy();
    expect(screen.getByText('You are acting for Harbour Pay as an organiser.')).toBeTruthy();
    expect(screen.getByText(/the firm sees it in its own requests and agenda/)).toBeTruthy();
    const back = screen.getByRole('link', { name: /Back to the organiser’s view/ });
    expect(back.getAttribute('href')).toBe(`/organise/sessions/${SESSION}`);
    // The firm's headings name the firm: the organiser reads whose matches and agenda these are.
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Harbour Pay’s best matches' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Harbour Pay’s agenda' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^Your / })).toBeNull();

    // The firm's own matches: a request goes from the firm, not from the organiser.
    fireEvent.click(
      await screen.findByRole('button', { name: 'Request a meeting with Maple Ledger' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send request to Maple Ledger' }));
    await vi.waitFor(() =>
      expect(bodies(fetch, 'POST')).toEqual([
        [`${path}/requests`, { fromCompanyId: HARBOUR, toCompanyId: MAPLE }],
      ]),
    );

    // And its received requests, answered in its name.
    fireEvent.click(screen.getByRole('button', { name: 'Accept the request from Yukon Secure' }));
    await vi.waitFor(() =>
      expect(bodies(fetch, 'PATCH')).toEqual([[`${path}/requests/r1`, { status: 'accepted' }]]),
    );
  });

  it('asks before cancelling a meeting, and leaves the feedback to the firm', async () => {
    const later = Date.now() + 3_600_000;
    const fetch = stubApi({
      ...firmsView([
        meeting(new Date(later).toISOString(), new Date(later + 1_200_000).toISOString()),
        { ...meeting('2026-01-01T01:00:00.000Z', '2026-01-01T01:20:00.000Z'), id: 'm0' },
      ]),
      'PATCH /api/meetings/m1': json(200, {}),
    });
    renderInApp(<ActForPage sessionId={SESSION} companyId={HARBOUR} />, { language: 'zh-Hant' });
    expect(await screen.findByText('你正以主辦單位身分代 Harbour Pay 操作。')).toBeTruthy();
    expect(await screen.findByText('會面評價須由公司自行填寫。')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Harbour Pay 的議程' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Harbour Pay 的最佳配對' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '取消會面' }));
    const dialog = screen.getByRole('dialog');
    expect(bodies(fetch, 'PATCH')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '確定取消' }));
    await vi.waitFor(() =>
      expect(bodies(fetch, 'PATCH')).toEqual([['/api/meetings/m1', { status: 'cancelled' }]]),
    );
  });
});
