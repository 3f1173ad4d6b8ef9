import { NUL_MESSAGE, SURROGATE_MESSAGE, textInputErrors, textProblems } from './text-input';

describe('textInputErrors', () => {
  it('finds nothing in ordinary text, paired surrogates (emoji) and non-strings', () => {
    expect(
      textInputErrors({ name: 'Harbour Pay 香港 😀', n: 3, ok: true, none: null, list: ['a'] }),
    ).toEqual({});
    expect(textProblems('\uD83D\uDE00')).toEqual([]);
  });

  it('names a NUL byte by its path, as collectFieldErrors names fields', () => {
    expect(
      textInputErrors({ name: 'a\u0000b', offers: ['ok', 'x\u0000'], weights: { a: { b: '\0' } } }),
    ).toEqual({
      name: [NUL_MESSAGE],
      'offers[1]': [NUL_MESSAGE],
      'weights.a.b': [NUL_MESSAGE],
    });
  });

  it('finds a lone high or low surrogate, at the end or in the middle', () => {
    for (const text of ['a\uD800b', 'a\uD800', '\uDC00a', 'x\uDFFF\uD800y']) {
      expect([text, textInputErrors({ email: text })]).toEqual([
        text,
        { email: [SURROGATE_MESSAGE] },
      ]);
    }
  });

  it('reports both problems of one string, and a bare string as the body', () => {
    expect(textInputErrors('a\u0000\uD800')).toEqual({ body: [NUL_MESSAGE, SURROGATE_MESSAGE] });
  });

  it('checks keys too', () => {
    expect(textInputErrors({ 'na\u0000me': 'x' })).toEqual({
      'na\u0000me': [`has a name that ${NUL_MESSAGE}`],
    });
  });

  it('stops walking at a depth no input reaches', () => {
    let deep: unknown = 'a\u0000';
    for (let level = 0; level < 100; level += 1) deep = [deep];
    expect(textInputErrors(deep)).toEqual({});
  });
});
