import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderInApp, stubApi } from '../../../testing/render';
import type { Participant, ScheduleDraft, ScheduledMeeting } from '../types';
import { makeI18n } from '../../../i18n';
import { meeting } from './testing';
import { ScheduleGrid, slotTimeWriter } from './schedule-grid';
import type { Board } from './use-board';

const slot = (index: number) => ({
  index,
  startsAt: new Date(Date.UTC(2026, 11, 1, 2, index * 20)).toISOString(),
  endsAt: new Date(Date.UTC(2026, 11, 1, 2, index * 20 + 20)).toISOString(),
});
const slots = [slot(0), slot(1), slot(2)];
const participant = (companyId: string, name: string, country: string) =>
  [companyId, { companyId, name, country }] as [string, Participant];

function board(status = 'scheduled', meetings: ScheduledMeeting[] = [meeting]): Board {
  return {
    session: {
      id: 's1',
      title: 'HK–Canada',
      status,
      startsAt: slots[0].startsAt,
      endsAt: slots[2].endsAt,
      slots,
    } as unknown as Board['session'],
    schedule: { meetings, report: null },
    names: new Map([
      participant('a', 'Ada Foods', 'HK'),
      participant('b', 'Bao Tea', 'CA'),
      participant('c', 'Cedar Apps', 'CA'),
    ]),
  };
}
const before = Date.parse(slots[0].startsAt) - 60_000;

describe('ScheduleGrid', () => {
  it('shows every participant, and highlights the slot under way in a live session', () => {
    const during = Date.parse(slots[1].startsAt) + 60_000;
    renderInApp(<ScheduleGrid board={board('live')} onChanged={() => {}} now={during} />);
    expect(screen.getAllByRole('row')).toHaveLength(4);
    const now = screen.getAllByRole('columnheader').find((th) => th.getAttribute('aria-current'));
    expect(now?.textContent).toMatch(/now$/);
    expect(now).toBe(screen.getAllByRole('columnheader')[2]);
  });

  it('highlights no slot when the session is not live', () => {
    renderInApp(<ScheduleGrid board={board()} onChanged={() => {}} now={before} />);
    expect(
      screen.getAllByRole('columnheader').filter((th) => th.getAttribute('aria-current')),
    ).toEqual([]);
  });

  it('books a pair in a free cell, and says what is in the way when the server refuses', async () => {
    const fetch = stubApi({
      'POST /api/sessions/s1/meetings': json(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'This firm already has a meeting in that slot',
        code: 'board.company_busy',
        details: { companyId: 'a', slotIndex: 0, meetingId: 'm1' },
      }),
    });
    renderInApp(<ScheduleGrid board={board()} onChanged={() => {}} now={before} />);
    fireEvent.click(
      screen.getAllByRole('button', { name: /^Book a meeting for Cedar Apps at / })[0],
    );
    const form = screen.getByRole('form');
    fireEvent.change(within(form).getByLabelText('Meets'), { target: { value: 'a' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Book the meeting' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^One of the firms already has a meeting in that slot\. In the way: Ada Foods ↔ Bao Tea at .+\.$/,
    );
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({
      companyIds: ['c', 'a'],
      slotIndex: 0,
    });
  });

  it('picks a meeting up with the keyboard, and says so', async () => {
    renderInApp(<ScheduleGrid board={board()} onChanged={() => {}} now={before} />);
    const [handle] = screen.getAllByRole('button', { name: 'Move Ada Foods ↔ Bao Tea' });
    handle.focus();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    expect(await screen.findByText('Picked up the meeting Ada Foods ↔ Bao Tea.')).toBeTruthy();
    fireEvent.keyDown(handle, { code: 'Escape', key: 'Escape' });
    expect(
      await screen.findByText('The meeting Ada Foods ↔ Bao Tea stays where it was.'),
    ).toBeTruthy();
  });

  it('shows a draft read only, with what it adds and moves', () => {
    const draft = {
      draftId: 'd1',
      createdAt: slots[0].startsAt,
      meetings: [
        { ...meeting, id: 'm1', slotIndex: 2, startsAt: slots[2].startsAt, kept: false },
        {
          ...meeting,
          id: undefined,
          companyIds: ['a', 'c'],
          slotIndex: 0,
          kept: false,
        },
      ],
      report: null,
      changes: {
        added: [{ companyIds: ['a', 'c'], slotIndex: 0 }],
        moved: [{ meetingId: 'm1', companyIds: ['a', 'b'], fromSlotIndex: 0, slotIndex: 2 }],
        removed: [],
      },
      stale: false,
      firstPublish: false,
      firmsToTell: 3,
    } as unknown as ScheduleDraft;
    renderInApp(<ScheduleGrid board={board()} draft={draft} onChanged={() => {}} now={before} />);
    expect(screen.queryByRole('button', { name: /^Book a meeting/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
    expect(screen.queryByRole('button', { name: /, Scheduled$/ })).toBeNull();
    const cells = screen.getAllByRole('cell');
    expect(cells.filter((cell) => cell.className.includes('change-added'))).toHaveLength(2);
    expect(cells.filter((cell) => cell.className.includes('change-moved'))).toHaveLength(2);
  });

  it('shows only the times of the slots on the viewer’s today, and their dates on another day', () => {
    const zone = 'Asia/Hong_Kong';
    const sameDay = Date.parse(slots[0].startsAt) - 3_600_000;
    renderInApp(<ScheduleGrid board={board()} onChanged={() => {}} now={sameDay} />, { zone });
    const headers = () => screen.getAllByRole('columnheader').slice(1);
    expect(headers()[0].textContent).toBe(makeI18n('en', zone).time(slots[0].startsAt, zone));
    cleanup();
    const dayBefore = Date.parse(slots[0].startsAt) - 86_400_000;
    renderInApp(<ScheduleGrid board={board()} onChanged={() => {}} now={dayBefore} />, {
      zone,
      language: 'zh-Hant',
    });
    const zh = makeI18n('zh-Hant', zone);
    expect(headers()[0].textContent).toBe(zh.dateTime(slots[0].startsAt, zone));
    expect(headers()[0].textContent).toMatch(/2026年12月1日/);
  });

  it('dates every slot of a session that spans days, today’s too', () => {
    const zone = 'Asia/Hong_Kong';
    const en = makeI18n('en', zone);
    const twoDays = [slots[0], { ...slots[1], startsAt: '2026-12-02T02:00:00Z' }];
    const write = slotTimeWriter(en, twoDays, Date.parse(slots[0].startsAt), zone);
    expect(write(slots[0].startsAt)).toBe(en.dateTime(slots[0].startsAt, zone));
    expect(write(slots[0].startsAt)).toMatch(/Dec 1, 2026|1 Dec 2026/);
    const oneDay = slotTimeWriter(en, slots, Date.parse(slots[0].startsAt), zone);
    expect(oneDay(slots[0].startsAt)).toBe(en.time(slots[0].startsAt, zone));
  });
  it.each([
    ['en', 'Gap between two meetings of Ada Foods', 'Gap'],
    ['zh-Hant', 'Ada Foods 行程中的空檔', '空檔'],
  ] as const)(
    '%s: hatches a firm’s free slots between two of its meetings, and follows a move',
    (language, title, word) => {
      const atSlot = (index: number, companyIds: string[], id: string): ScheduledMeeting => ({
        ...meeting,
        id,
        companyIds,
        slotIndex: index,
        startsAt: slots[index].startsAt,
        endsAt: slots[index].endsAt,
      });
      const cancelled = { ...atSlot(2, ['b', 'c'], 'm3'), status: 'cancelled' as const };
      const gapsOf = () =>
        screen
          .getAllByRole<HTMLTableCellElement>('cell')
          .filter((cell) => cell.classList.contains('gap'))
          .map((cell) => [cell.closest('tr')?.rowIndex, cell.cellIndex, cell.title]);
      // Ada meets Bao in slot 0 and Cedar in slot 2: a gap in Ada's row, slot 1, and none in
      // Bao's or Cedar's (one meeting each; Bao–Cedar in slot 2 was cancelled, or Bao would have one).
      renderInApp(
        <ScheduleGrid
          board={board('scheduled', [
            atSlot(0, ['a', 'b'], 'm1'),
            atSlot(2, ['a', 'c'], 'm2'),
            cancelled,
          ])}
          onChanged={() => {}}
          now={before}
        />,
        { language },
      );
      // Rows: the header, then Ada Foods, Bao Tea, Cedar Apps; columns: the firm, slots 0–2.
      expect(gapsOf()).toEqual([[1, 2, title]]);
      const [gap] = screen.getAllByRole('cell').filter((cell) => cell.classList.contains('gap'));
      expect(within(gap).getByText(title).className).toBe('visually-hidden');
      expect(within(gap).getByText(word).getAttribute('aria-hidden')).toBe('true');
      // The same board once Ada's second meeting moved next to the first: no gap left.
      cleanup();
      renderInApp(
        <ScheduleGrid
          board={board('scheduled', [
            atSlot(0, ['a', 'b'], 'm1'),
            atSlot(1, ['a', 'c'], 'm2'),
            cancelled,
          ])}
          onChanged={() => {}}
          now={before}
        />,
        { language },
      );
      expect(gapsOf()).toEqual([]);
    },
  );
});
