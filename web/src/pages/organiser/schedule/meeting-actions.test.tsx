import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderInApp, stubApi } from '../../../testing/render';
import type { ScheduledMeeting } from '../types';
import { meeting, nameOf } from './testing';
import { MeetingActions } from './meeting-actions';
import type { Board } from './use-board';

const show = (shown: ScheduledMeeting, onChanged = vi.fn()) =>
  renderInApp(
    <MeetingActions meeting={shown} nameOf={nameOf} onChanged={onChanged} onClose={vi.fn()} />,
  );

describe('MeetingActions', () => {
  it('takes the keyboard to the meeting and offers every mark but its own status', () => {
    show({ ...meeting, status: 'held' });
    expect(document.activeElement?.textContent).toBe('Ada Foods ↔ Bao Tea');
    expect(screen.queryByRole('button', { name: 'Mark held' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark no-show' })).toBeTruthy();
    // A held meeting is never cancelled (the API refuses it: meeting.already_held).
    expect(screen.queryByRole('button', { name: 'Cancel meeting' })).toBeNull();
  });

  it('cancels a meeting only once asked, saying both firms are told', async () => {
    const fetch = stubApi({
      'PATCH /api/meetings/m1': json(200, { ...meeting, status: 'cancelled' }),
    });
    show(meeting);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel meeting' }));
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toMatch(
      /Cancel the meeting of Ada Foods and Bao Tea\? Both firms are told/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ status: 'cancelled' });
  });

  it('marks a meeting held and hands the changed meeting on', async () => {
    const held = { ...meeting, status: 'held' };
    const fetch = stubApi({ 'PATCH /api/meetings/m1': json(200, held) });
    const changed = vi.fn();
    show(meeting, changed);
    fireEvent.click(screen.getByRole('button', { name: 'Mark held' }));
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(changed.mock.calls[0][0]).toEqual(held);
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ status: 'held' });
  });

  it('keeps the meeting in its slot through the checkbox, and shows a refusal', async () => {
    const fetch = stubApi({
      'PATCH /api/meetings/m1': json(409, { statusCode: 409, message: 'The meeting is over' }),
    });
    const changed = vi.fn();
    show(meeting, changed);
    fireEvent.click(screen.getByLabelText('Keep in this slot when scheduling runs again'));
    expect((await screen.findByRole('alert')).textContent).toBe('The meeting is over');
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ fixed: true });
    expect(changed).not.toHaveBeenCalled();
  });

  it('offers nothing to do with a cancelled meeting', () => {
    show({ ...meeting, status: 'cancelled' });
    expect(
      screen.getByLabelText<HTMLInputElement>('Keep in this slot when scheduling runs again')
        .disabled,
    ).toBe(true);
    for (const name of ['Mark held', 'Mark no-show'])
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(true);
  });

  it('offers held and no-show only once the meeting has begun, and says so', () => {
    show({ ...meeting, startsAt: '2099-12-01T02:00:00Z', endsAt: '2099-12-01T02:20:00Z' });
    for (const name of ['Mark held', 'Mark no-show'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel meeting' })).toBeTruthy();
    expect(screen.getByText('It can be marked held or a no-show once it begins.')).toBeTruthy();
  });

  it('moves a meeting to a slot to come, or swaps it, and names what is in the way', async () => {
    const later = { ...meeting, id: 'm2', companyIds: ['a', 'c'], slotIndex: 1 };
    const slots = [0, 1, 2].map((index) => ({
      index,
      startsAt: new Date(Date.parse(meeting.startsAt) + index * 20 * 60_000).toISOString(),
      endsAt: new Date(Date.parse(meeting.startsAt) + (index + 1) * 20 * 60_000).toISOString(),
    }));
    later.startsAt = slots[1].startsAt;
    const board = {
      session: { id: 's1', slots } as unknown as Board['session'],
      schedule: { meetings: [meeting, later], report: null },
      names: new Map(),
    };
    const fetch = stubApi({
      'PATCH /api/meetings/m1': json(409, {
        statusCode: 409,
        message: 'This firm already has a meeting in that slot',
        code: 'board.company_busy',
        details: { meetingId: 'm2', companyId: 'a' },
      }),
    });
    renderInApp(
      <MeetingActions
        meeting={meeting}
        board={board}
        nameOf={(id) => ({ a: 'Ada Foods', b: 'Bao Tea', c: 'Cedar Apps' })[id] ?? id}
        onChanged={vi.fn()}
        onClose={vi.fn()}
        now={Date.parse(meeting.startsAt) - 60_000}
      />,
    );
    fireEvent.change(screen.getByLabelText('Move to'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^One of the firms already has a meeting in that slot\. In the way: Ada Foods ↔ Cedar Apps at /,
    );
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ slotIndex: 1 });
    fireEvent.change(screen.getByLabelText('Swap with'), { target: { value: 'm2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Swap' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(JSON.parse(fetch.mock.calls[1][1]?.body as string)).toEqual({ swapWith: 'm2' });
  });

  it('moves a meeting in person to a table the organiser chooses, in its slot or another', async () => {
    const slots = [0, 1].map((index) => ({
      index,
      startsAt: new Date(Date.parse(meeting.startsAt) + index * 20 * 60_000).toISOString(),
      endsAt: new Date(Date.parse(meeting.startsAt) + (index + 1) * 20 * 60_000).toISOString(),
    }));
    const board = {
      session: { id: 's1', slots, tables: 3 } as unknown as Board['session'],
      schedule: { meetings: [meeting], report: null },
      names: new Map(),
    };
    const fetch = stubApi({ 'PATCH /api/meetings/m1': json(200, { ...meeting, table: 3 }) });
    renderInApp(
      <MeetingActions
        meeting={meeting}
        board={board}
        nameOf={nameOf}
        onChanged={vi.fn()}
        onClose={vi.fn()}
        now={Date.parse(meeting.startsAt) - 60_000}
      />,
      { language: 'zh-Hant' },
    );
    const tables = screen.getByLabelText<HTMLSelectElement>('桌號');
    expect([...tables.options].map((option) => option.text)).toEqual([
      '原桌或任何空桌',
      '第 1 桌',
      '第 2 桌',
      '第 3 桌',
    ]);
    const slot = screen.getByLabelText<HTMLSelectElement>('移至');
    expect(slot.options[1].text).toMatch(/（目前時段）$/);
    fireEvent.change(slot, { target: { value: String(meeting.slotIndex) } });
    fireEvent.change(tables, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: '移動' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({
      slotIndex: meeting.slotIndex,
      table: 3,
    });
  });
});
