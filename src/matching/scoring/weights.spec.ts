import { DEFAULT_WEIGHTS } from './scoring-types';
import { mergeWeights } from './weights';

describe('mergeWeights', () => {
  it('keeps the defaults for every weight not given', () => {
    expect(mergeWeights({ sector: 0.3 })).toEqual({ ...DEFAULT_WEIGHTS, sector: 0.3 });
  });

  it('treats undefined and null as not given (a DTO instance has every key, unset ones undefined)', () => {
    expect(mergeWeights({ sector: 0.3, market: undefined, language: null })).toEqual({
      ...DEFAULT_WEIGHTS,
      sector: 0.3,
    });
  });

  it('merges over another base, and reads nothing at all as the base', () => {
    const base = { ...DEFAULT_WEIGHTS, language: 0 };
    expect(mergeWeights({ market: 1 }, base)).toEqual({ ...base, market: 1 });
    expect(mergeWeights(null)).toEqual(DEFAULT_WEIGHTS);
    expect(mergeWeights(undefined, base)).toEqual(base);
  });

  it('ignores keys that are not weights and returns a new object', () => {
    const merged = mergeWeights({ colour: 1 } as never);
    expect(merged).toEqual(DEFAULT_WEIGHTS);
    expect(merged).not.toBe(DEFAULT_WEIGHTS);
    expect(Object.keys(merged)).toEqual(Object.keys(DEFAULT_WEIGHTS));
  });
});
