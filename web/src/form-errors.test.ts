import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { useFormErrors } from './form-errors';

describe('useFormErrors', () => {
  it("keeps a field's messages until that field is edited", () => {
    const { result } = renderHook(() => useFormErrors());
    act(() =>
      result.current.setError(
        new ApiError(400, 'Bad Request', undefined, { name: ['too short'], email: ['invalid'] }),
      ),
    );
    expect(result.current.fields).toEqual({ name: ['too short'], email: ['invalid'] });
    expect(result.current.general).toBeNull();
    act(() => result.current.edited('name'));
    expect(result.current.fields).toEqual({ email: ['invalid'] });
  });

  it('shows an error that names no field as a whole', () => {
    const { result } = renderHook(() => useFormErrors());
    const conflict = new ApiError(409, 'Already registered', 'conflict');
    act(() => result.current.setError(conflict));
    expect(result.current.general).toBe(conflict);
    expect(result.current.fields).toEqual({});
    act(() => result.current.setError(null));
    expect(result.current.general).toBeNull();
  });
});
