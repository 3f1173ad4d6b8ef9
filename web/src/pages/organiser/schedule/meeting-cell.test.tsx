import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../../testing/render';
import type { ScheduledMeeting } from '../types';
import { meeting, nameOf } from './testing';
import { MeetingCell } from './meeting-cell';

const held: ScheduledMeeting = { ...meeting, table: 3, status: 'held' };

const inRow = (cell: React.ReactNode) => (
  <table>
    <tbody>
      <tr>{cell}</tr>
    </tbody>
  </table>
);

describe('MeetingCell', () => {
  it('says a slot with no meeting is free, to screen readers only', () => {
    renderInApp(
      inRow(
        <MeetingCell
          companyId="a"
          slot={{ index: 0, startsAt: meeting.startsAt }}
          meeting={undefined}
          selected={false}
          nameOf={nameOf}
          onSelect={vi.fn()}
        />,
      ),
    );
    expect(screen.getByRole('cell').textContent).toBe('free');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers to book a free cell when booking is offered', () => {
    const book = vi.fn();
    renderInApp(
      inRow(
        <MeetingCell
          companyId="a"
          slot={{ index: 0, startsAt: meeting.startsAt }}
          meeting={undefined}
          selected={false}
          nameOf={nameOf}
          onSelect={vi.fn()}
          onBook={book}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: /^Book a meeting for Ada Foods at / }));
    expect(book).toHaveBeenCalledOnce();
  });

  it('gives a movable meeting a handle to drag, and marks a pin, a draft change and now', () => {
    renderInApp(
      inRow(
        <MeetingCell
          companyId="a"
          slot={{ index: 0, startsAt: meeting.startsAt }}
          meeting={{ ...meeting, fixed: true }}
          selected={false}
          nameOf={nameOf}
          onSelect={vi.fn()}
          movable
          change="moved"
          now
        />,
      ),
    );
    const handle = screen.getByRole('button', { name: 'Move Ada Foods ↔ Bao Tea' });
    expect(handle.getAttribute('aria-roledescription')).toBe('draggable');
    expect(screen.getByRole('cell').className).toBe('cell scheduled change-moved now');
    expect(screen.getByRole('cell').textContent).toContain('Scheduled · pinned · moved');
  });

  it('shows the other firm, the status and the table, and is chosen by its button', () => {
    const select = vi.fn();
    renderInApp(
      inRow(
        <MeetingCell
          companyId="b"
          slot={{ index: 0, startsAt: held.startsAt }}
          meeting={held}
          selected
          nameOf={nameOf}
          onSelect={select}
        />,
      ),
    );
    const button = screen.getByRole('button', { name: /^Ada Foods at .*, Held$/ });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('cell').className).toBe('cell held');
    expect(screen.getByRole('cell').textContent).toBe('Ada FoodsHeld · table 3');
    fireEvent.click(button);
    expect(select).toHaveBeenCalledOnce();
  });
});
