import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingRequest, ReceivedRequest } from '../../api';
import { renderInApp } from '../../testing/render';
import { ReceivedRequests } from './received-requests';
import { SentRequests } from './sent-requests';

const base: MeetingRequest = {
  id: 'r1',
  sessionId: 's1',
  fromCompanyId: 'c2',
  fromCompanyName: 'Kowloon Foods',
  toCompanyId: 'c1',
  toCompanyName: 'Ada Exports',
  message: 'Shall we meet?',
  declineReason: null,
  window: null,
  status: 'pending',
  mutual: false,
  scheduled: false,
  createdAt: '2026-11-20T01:00:00.000Z',
  answeredAt: null,
};

const received = (fit: ReceivedRequest['fit']): ReceivedRequest => ({ ...base, fit });

describe('a received request', () => {
  it("shows the sender's profile link, score and reasons before the answer", () => {
    renderInApp(
      <ReceivedRequests
        requests={[
          received({
            score: 81.4,
            reasons: [
              {
                component: 'sector',
                value: 1,
                weight: 0.15,
                text: 'Both work in fintech.',
                code: 'sector.common',
                params: { sectors: ['fintech'] },
              },
              {
                component: 'language',
                value: 0,
                weight: 0.1,
                text: 'No language in common.',
                code: 'language.none',
                params: {},
              },
            ],
          }),
        ]}
        busy={null}
        onAnswer={vi.fn()}
      />,
    );
    expect(screen.getByRole('link', { name: 'Kowloon Foods' }).getAttribute('href')).toBe(
      '/companies/c2',
    );
    expect(screen.getByLabelText('Score 81').textContent).toBe('81');
    const reasons = screen.getAllByRole('listitem').filter((item) => item.closest('.reasons'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0].textContent).toMatch(/fintech/i);
    expect(
      screen.getByRole('button', { name: 'Accept the request from Kowloon Foods' }),
    ).toBeTruthy();
  });

  it('shows no score when the pair has none (a firm left the session)', () => {
    renderInApp(<ReceivedRequests requests={[received(null)]} busy={null} onAnswer={vi.fn()} />, {
      language: 'zh-Hant',
    });
    expect(screen.getByRole('link', { name: 'Kowloon Foods' })).toBeTruthy();
    expect(screen.queryByLabelText(/Score|分/)).toBeNull();
    expect(screen.getByText(/來自/)).toBeTruthy();
  });
});

describe('a sent request', () => {
  it('links the firm and withdraws only once confirmed', () => {
    const onWithdraw = vi.fn();
    renderInApp(<SentRequests requests={[base]} busy={null} onWithdraw={onWithdraw} />);
    expect(screen.getByRole('link', { name: 'Ada Exports' }).getAttribute('href')).toBe(
      '/companies/c1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the request to Ada Exports' }));
    expect(onWithdraw).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toMatch(
      /Withdraw your meeting request to Ada Exports\? They are told/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep the request' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the request to Ada Exports' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, withdraw' }));
    expect(onWithdraw).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1' }));
  });

  it('offers no withdrawal once declined, cancelled or settled by a meeting', () => {
    renderInApp(
      <SentRequests
        requests={[
          { ...base, id: 'a', status: 'declined' },
          { ...base, id: 'b', status: 'cancelled' },
          { ...base, id: 'c', scheduled: true },
        ]}
        busy={null}
        onWithdraw={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: /Withdraw/ })).toBeNull();
  });

  it("shows the receiver's reason for declining, and a way to message the firm", () => {
    renderInApp(
      <SentRequests
        requests={[{ ...base, status: 'declined', declineReason: 'Fully booked that day.' }]}
        busy={null}
        onWithdraw={vi.fn()}
      />,
    );
    expect(screen.getByText('Their reason: “Fully booked that day.”')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Message Ada Exports' }).getAttribute('href')).toBe(
      '/messages/new?from=c2&to=c1',
    );
  });
});
