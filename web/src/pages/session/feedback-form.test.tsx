import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AgendaItem, Membership } from '../../api';
import { json, renderInApp, stubApi } from '../../testing/render';
import { FeedbackForm } from './feedback-form';

const item = {
  id: 'm1',
  status: 'held',
  startsAt: '2026-12-01T01:00:00.000Z',
  endsAt: '2026-12-01T01:20:00.000Z',
  other: { id: 'c2', name: 'Kowloon Foods', country: 'HK', city: 'Hong Kong' },
  feedback: null,
} as unknown as AgendaItem;
const company = { companyId: 'c1', name: 'Ada Exports', status: 'verified' } as Membership;

describe('FeedbackForm', () => {
  it("shows the API's message beside the rating and keeps the comment typed", async () => {
    stubApi({
      'POST /api/meetings/m1/feedback': json(400, {
        statusCode: 400,
        message: 'Validation failed',
        fields: { rating: ['rating must not be less than 1'] },
      }),
    });
    const given = vi.fn();
    renderInApp(<FeedbackForm item={item} company={company} onGiven={given} />);
    fireEvent.change(screen.getByLabelText('Comment (optional)'), {
      target: { value: 'Good talk' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('rating must not be less than 1');
    expect(alert.closest('fieldset')?.className).toBe('invalid');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Comment (optional)').value).toBe(
      'Good talk',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send feedback' }).disabled).toBe(
      false,
    );
    expect(given).not.toHaveBeenCalled();
  });

  it('sends the rating, outcome and comment, and says so', async () => {
    const fetch = stubApi({ 'POST /api/meetings/m1/feedback': json(201, {}) });
    const given = vi.fn();
    renderInApp(<FeedbackForm item={item} company={company} onGiven={given} />);
    fireEvent.click(screen.getByLabelText('4'));
    fireEvent.change(screen.getByLabelText('Comment (optional)'), {
      target: { value: ' Good talk ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    await vi.waitFor(() => expect(given).toHaveBeenCalled());
    const [, init] = fetch.mock.calls[0];
    expect(JSON.parse(init?.body as string)).toEqual({
      rating: 4,
      outcome: 'follow-up',
      companyId: 'c1',
      comment: 'Good talk',
    });
  });
});
