import { cleanup, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { renderInApp } from './testing/render';
import { ErrorBox, Field } from './ui';

describe('Field', () => {
  it('shows each message of its field as an alert, next to the labelled input', () => {
    renderInApp(
      <Field id="email" label="Email" errors={['must be an email', 'is taken']}>
        <input id="email" />
      </Field>,
    );
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('email-error');
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'must be an email',
      'is taken',
    ]);
  });
});

describe('ErrorBox', () => {
  it('words a network failure in the chosen language and offers to try again', () => {
    const retry = vi.fn();
    renderInApp(<ErrorBox error={new ApiError(0, 'network')} onRetry={retry} />, {
      language: 'zh-Hant',
    });
    expect(screen.getByRole('alert').textContent).toContain('無法連接伺服器');
    fireEvent.click(screen.getByRole('button', { name: '再試一次' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('words an error code of the API in the chosen language', () => {
    const error = new ApiError(
      409,
      'Requests closed at 2026-12-01T09:00:00.000Z',
      'request.after_deadline',
    );
    renderInApp(<ErrorBox error={error} />, { language: 'zh-Hant' });
    expect(screen.getByRole('alert').textContent).toBe('會面邀請的截止時間已過。');
    cleanup();
    renderInApp(<ErrorBox error={error} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'The deadline for meeting requests has passed.',
    );
  });

  it('shows the API message of a code it does not know', () => {
    renderInApp(<ErrorBox error={new ApiError(409, 'Something new', 'brand.new_code')} />, {
      language: 'zh-Hant',
    });
    expect(screen.getByRole('alert').textContent).toBe('Something new');
  });
});
