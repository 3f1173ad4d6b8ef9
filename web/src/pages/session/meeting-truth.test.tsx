import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AgendaItem, Membership, ReceivedRequest } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { AgendaEntry } from './agenda-entry';
import { ReceivedRequests } from './received-requests';

const company = { companyId: 'c1', name: 'Ada Exports', status: 'verified' } as Membership;
const NOW = Date.parse('2026-12-01T01:05:00.000Z');

const meeting = (startsAt: string, endsAt: string, status = 'scheduled') =>
  ({
    id: 'm1',
    status,
    startsAt,
    endsAt,
    other: {
      id: 'c2',
      name: 'Kowloon Foods',
      country: 'HK',
      city: 'Hong Kong',
      timezone: 'Asia/Hong_Kong',
    },
    feedback: null,
  }) as unknown as AgendaItem;

const request = (overrides: Partial<ReceivedRequest>): ReceivedRequest => ({
  id: 'r1',
  sessionId: 's1',
  fromCompanyId: 'c2',
  fromCompanyName: 'Kowloon Foods',
  toCompanyId: 'c1',
  toCompanyName: 'Ada Exports',
  message: '',
  declineReason: null,
  window: null,
  status: 'pending',
  mutual: true,
  scheduled: false,
  createdAt: '2026-11-20T01:00:00.000Z',
  answeredAt: null,
  fit: null,
  ...overrides,
});

describe('a meeting in the agenda', () => {
  const show = (item: AgendaItem) =>
    renderInApp(
      <ul>
        <AgendaEntry
          item={item}
          company={company}
          now={NOW}
          onChange={vi.fn()}
          onCancelled={vi.fn()}
        />
      </ul>,
    );

  it('takes no feedback before it begins, and may be cancelled', () => {
    show(meeting('2026-12-01T02:00:00.000Z', '2026-12-01T02:20:00.000Z'));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel meeting' })).toBeTruthy();
  });

  it('takes feedback once it has begun, before it ends', () => {
    show(meeting('2026-12-01T01:00:00.000Z', '2026-12-01T01:20:00.000Z'));
    expect(
      screen.getByRole('form', { name: 'Feedback on the meeting with Kowloon Foods' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel meeting' })).toBeNull();
  });

  it("words the server's refusal if feedback is sent too early anyway", async () => {
    stubApi({
      'POST /api/meetings/m1/feedback': json(409, {
        statusCode: 409,
        error: 'Conflict',
        code: 'meeting.not_begun',
        message: 'This meeting has not begun yet',
      }),
    });
    show(meeting('2026-12-01T01:00:00.000Z', '2026-12-01T01:20:00.000Z'));
    fireEvent.click(screen.getByLabelText('4'));
    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This meeting has not begun yet: it can be marked held or a no-show, and rated, once it starts.',
    );
  });
});

describe('received requests', () => {
  it('offers accept and decline on a pending request without a meeting', () => {
    renderInApp(<ReceivedRequests requests={[request({})]} busy={null} onAnswer={vi.fn()} />);
    expect(screen.getByRole('button', { name: /^Accept/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Decline/ })).toBeTruthy();
    expect(screen.getByText(/You both asked/)).toBeTruthy();
  });

  it('names the firm on each button, and declines only once asked', () => {
    const onAnswer = vi.fn();
    renderInApp(<ReceivedRequests requests={[request({})]} busy={null} onAnswer={onAnswer} />);
    expect(
      screen.getByRole('button', { name: 'Accept the request from Kowloon Foods' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Decline the request from Kowloon Foods' }));
    expect(onAnswer).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toMatch(
      /Decline the meeting request from Kowloon Foods\? They are told/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Yes, decline' }));
    expect(onAnswer).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1' }), 'declined', '');
  });

  it('declines with a reason the sender is told, when one is given', () => {
    const onAnswer = vi.fn();
    renderInApp(<ReceivedRequests requests={[request({})]} busy={null} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Decline the request from Kowloon Foods' }));
    const reason = screen.getByRole('textbox', { name: /Your reason \(optional\)/ });
    expect(
      screen.getByText(/Kowloon Foods sees it with the request, and as a message/),
    ).toBeTruthy();
    fireEvent.change(reason, { target: { value: '  Fully booked that day.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, decline' }));
    expect(onAnswer).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'r1' }),
      'declined',
      'Fully booked that day.',
    );
  });

  it('leaves no buttons on a pair that has a meeting, and says why', () => {
    renderInApp(
      <ReceivedRequests requests={[request({ scheduled: true })]} busy={null} onAnswer={vi.fn()} />,
    );
    expect(screen.queryByRole('button', { name: /^Accept/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Decline/ })).toBeNull();
    expect(
      screen.getByText('A meeting with this firm is scheduled: see your agenda.'),
    ).toBeTruthy();
  });
});
