import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../../../testing/render';
import type { OrganiserSessionDetail } from '../types';
import { Lifecycle } from './lifecycle';
import { Participants } from './participants';

const SESSION = '22222222-2222-4222-8222-222222222222';
const ADA = '33333333-3333-4333-8333-333333333333';
const MAPLE = '44444444-4444-4444-8444-444444444444';

const detail = (overrides: Partial<OrganiserSessionDetail> = {}) =>
  ({
    id: SESSION,
    title: 'Fintech day',
    status: 'open',
    timezone: 'Asia/Hong_Kong',
    participantCount: 1,
    undoUntil: null,
    previousStatus: null,
    ...overrides,
  }) as OrganiserSessionDetail;

const ada = {
  sessionId: SESSION,
  companyId: ADA,
  name: 'Ada Foods',
  country: 'HK',
  city: 'Hong Kong',
  sectors: ['fintech'],
  availability: [],
  joinedAt: '2026-11-30T00:00:00.000Z',
};
const participantsPage = json(200, { items: [ada], total: 1, page: 1, pageSize: 50 });
const sentBodies = (fetch: ReturnType<typeof stubApi>, method: string) =>
  fetch.mock.calls
    .filter(([, init]) => init?.method === method)
    .map(([, init]) => JSON.parse((init?.body as string | undefined) ?? 'null') as unknown);

describe("the organiser's session page", () => {
  it('closes a session only once its title is typed, and offers to undo it', async () => {
    const fetch = stubApi({
      [`PATCH /api/sessions/${SESSION}`]: json(200, {
        ...detail(),
        status: 'closed',
        previousStatus: 'open',
        undoUntil: '2031-03-02T12:00:00.000Z',
      }),
    });
    const { unmount } = renderInApp(<Lifecycle detail={detail()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close session' }));
    const dialog = screen.getByRole('dialog', { name: 'Close “Fintech day”?' });
    expect(within(dialog).getByText(/no more requests, scheduling or meetings/)).toBeTruthy();
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', {
      name: 'Close the session',
    });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Type “Fintech day” to confirm'), {
      target: { value: 'Fintech day' },
    });
    fireEvent.click(confirm);
    await vi.waitFor(() => expect(sentBodies(fetch, 'PATCH')).toEqual([{ status: 'closed' }]));

    unmount();
    renderInApp(
      <Lifecycle
        detail={detail({
          status: 'closed',
          previousStatus: 'open',
          undoUntil: '2031-03-02T12:00:00.000Z',
        })}
      />,
    );
    expect(screen.getByText(/Closed by mistake\? You can reopen it until/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo close' }));
    await vi.waitFor(() =>
      expect(sentBodies(fetch, 'PATCH')).toEqual([{ status: 'closed' }, { status: 'open' }]),
    );
  });

  it('asks before starting a session now', () => {
    const fetch = stubApi({});
    renderInApp(<Lifecycle detail={detail({ status: 'scheduled' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start now (live)' }));
    const dialog = screen.getByRole('dialog', { name: 'Start “Fintech day” now?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('adds a company found in the directory and removes one after asking', async () => {
    const fetch = stubApi({
      [`GET /api/sessions/${SESSION}/participants?page=1&pageSize=50`]: participantsPage,
      [`GET /api/sessions/${SESSION}/invitations`]: json(200, []),
      'GET /api/companies?q=ma&status=verified&page=1&pageSize=10': json(200, {
        items: [{ id: MAPLE, name: 'Maple Ledger', country: 'CA', city: 'Toronto' }],
        total: 1,
        page: 1,
        pageSize: 10,
      }),
      [`POST /api/sessions/${SESSION}/participants`]: json(201, { ...ada, companyId: MAPLE }),
      [`DELETE /api/sessions/${SESSION}/participants/${ADA}`]: json(204, null),
    });
    renderInApp(<Participants detail={detail()} />);
    await screen.findByText('Ada Foods');
    expect(screen.getByRole('link', { name: 'Act for Ada Foods' }).getAttribute('href')).toBe(
      `/organise/sessions/${SESSION}/act/${ADA}`,
    );
    fireEvent.change(screen.getByLabelText('Search the directory'), { target: { value: 'ma' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add Maple Ledger to the session' }));
    await vi.waitFor(() => expect(sentBodies(fetch, 'POST')).toEqual([{ companyId: MAPLE }]));

    fireEvent.click(screen.getByRole('button', { name: 'Remove Ada Foods from the session' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Ada Foods from the session?' });
    expect(within(dialog).getByText(/meeting requests not yet met are cancelled/)).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove and cancel its requests' }));
    await vi.waitFor(() =>
      expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true),
    );
  });

  it("edits a participant's availability in the session's zone", async () => {
    const fetch = stubApi({
      [`GET /api/sessions/${SESSION}/participants?page=1&pageSize=50`]: participantsPage,
      [`GET /api/sessions/${SESSION}/invitations`]: json(200, []),
      [`PATCH /api/sessions/${SESSION}/participants/${ADA}`]: json(200, ada),
    });
    renderInApp(<Participants detail={detail()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit availability of Ada Foods' }));
    const form = screen.getByRole('form', { name: 'Availability of Ada Foods' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a window' }));
    fireEvent.change(within(form).getByLabelText('From'), {
      target: { value: '2031-03-10T09:00' },
    });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2031-03-10T11:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save availability' }));
    await vi.waitFor(() =>
      expect(sentBodies(fetch, 'PATCH')).toEqual([
        // 09:00 and 11:00 in Hong Kong.
        {
          availability: [{ from: '2031-03-10T01:00:00.000Z', to: '2031-03-10T03:00:00.000Z' }],
        },
      ]),
    );
  });

  it('invites a firm by email, and offers no changes once the session is live', async () => {
    const fetch = stubApi({
      [`GET /api/sessions/${SESSION}/participants?page=1&pageSize=50`]: participantsPage,
      [`GET /api/sessions/${SESSION}/invitations`]: json(200, []),
      [`POST /api/sessions/${SESSION}/invitations`]: json(201, {
        id: 'i1',
        sessionId: SESSION,
        email: 'info@northwind.ca',
        companyName: 'Northwind',
        claimed: false,
        companyId: null,
        expiresAt: '2031-03-01T00:00:00.000Z',
        createdAt: '2031-02-15T00:00:00.000Z',
      }),
    });
    const { unmount } = renderInApp(<Participants detail={detail()} />);
    fireEvent.change(await screen.findByLabelText('Email address'), {
      target: { value: 'info@northwind.ca' },
    });
    fireEvent.change(screen.getByLabelText('Company name (optional)'), {
      target: { value: 'Northwind' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByText('Invitation sent to info@northwind.ca.')).toBeTruthy();
    expect(sentBodies(fetch, 'POST')).toEqual([
      { email: 'info@northwind.ca', companyName: 'Northwind' },
    ]);
    unmount();

    renderInApp(<Participants detail={detail({ status: 'live' })} />);
    await screen.findByText('Ada Foods');
    expect(screen.queryByRole('button', { name: /Remove|Edit/ })).toBeNull();
    expect(screen.queryByLabelText('Email address')).toBeNull();
  });
});
