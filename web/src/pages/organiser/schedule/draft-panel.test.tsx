import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../../../testing/render';
import type { OrganiserSessionDetail, ScheduleDraft } from '../types';
import { DraftPanel } from './draft-panel';

const session = {
  id: 's1',
  status: 'scheduled',
  requestDeadline: '2020-01-01T00:00:00Z',
} as unknown as OrganiserSessionDetail;

const draft = {
  draftId: 'd1',
  createdAt: '2026-12-01T02:00:00Z',
  meetings: [],
  report: null,
  changes: {
    added: [{ companyIds: ['a', 'c'], slotIndex: 0 }],
    moved: [],
    removed: [{ meetingId: 'm1', companyIds: ['a', 'b'], slotIndex: 1 }],
  },
  stale: false,
  firstPublish: false,
  firmsToTell: 3,
} as unknown as ScheduleDraft;

const show = (shown: ScheduleDraft | null, onShow = vi.fn()) =>
  renderInApp(
    <DraftPanel session={session} draft={shown} showing={false} onShow={onShow} socket={null} />,
  );

describe('DraftPanel', () => {
  it('says what the draft changes, and publishes only once asked, saying who will be told', async () => {
    const fetch = stubApi({
      'POST /api/sessions/s1/schedule/draft/publish': json(200, { meetings: 4, firmsTold: 3 }),
    });
    const onShow = vi.fn();
    show(draft, onShow);
    expect(screen.getByText(/1 added, 0 moved, 1 removed\.$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publish the draft' }));
    expect(fetch).not.toHaveBeenCalled();
    const question = screen.getByRole('dialog', { name: 'Publish the draft' });
    expect(question.textContent).toMatch(/3 firms will be told of their agendas\./);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, publish' }));
    expect((await screen.findByRole('status')).textContent).toBe('Published: 3 firms were told.');
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ draftId: 'd1' });
    expect(onShow).toHaveBeenCalledWith(false);
  });

  it('discards only once asked, and can be taken back', async () => {
    const fetch = stubApi({ 'DELETE /api/sessions/s1/schedule/draft': json(204, null) });
    show(draft);
    fireEvent.click(screen.getByRole('button', { name: 'Discard the draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Discard the draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, discard' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
  });

  it('offers no publishing of a stale draft, and says why', () => {
    show({ ...draft, stale: true });
    expect(screen.getByText(/changed since this draft was made/)).toBeTruthy();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Publish the draft' }).disabled,
    ).toBe(true);
  });

  it('says there is no draft, and makes one', () => {
    show(null);
    expect(screen.getByText(/^No draft\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Make a draft' })).toBeTruthy();
  });
});
