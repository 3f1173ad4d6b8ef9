import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App', () => {
  it('switches language from the header and remembers the choice', () => {
    history.replaceState(null, '', '/signin');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-Hant' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('登入');
    expect(screen.getByLabelText('語言')).toBeTruthy();
    expect(localStorage.getItem('tradematch.language')).toBe('zh-Hant');
  });
});
