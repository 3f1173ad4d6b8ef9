import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { renderInApp } from './testing/render';
import { ErrorBox, Field, fieldErrors } from './ui';

describe('fieldErrors', () => {
  it('groups the messages of a 400 by top-level field, naming the nested path', () => {
    const error = new ApiError(400, 'Bad Request', 'validation', {
      title: ['must not be empty'],
      'offers[2]': ['must be a known sector'],
      'offers[2].note': ['is too long'],
    });
    expect(fieldErrors(error)).toEqual({
      title: ['must not be empty'],
      offers: ['offers[2]: must be a known sector', 'offers[2].note: is too long'],
    });
  });

  it('has none for anything but an API error', () => {
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('Field', () => {
  it('shows each message of its field as an alert, next to the labelled input', () => {
    renderInApp(
      <Field id="email" label="Email" errors={['must be an email', 'is taken']}>
        <input id="email" />
      </Field>,
    );
    expect(screen.getByLabelText('Email')).toBeTruthy();
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
});
