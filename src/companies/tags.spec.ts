import { normaliseTag, normaliseTags, toPrefixTsQuery } from './tags';

describe('normaliseTag', () => {
  it.each([
    ['  Mobile   Payments ', 'mobile payments'],
    ['NFC-Readers!', 'nfc-readers'],
    ['"cloud hosting"', 'cloud hosting'],
    ['ＥＶ Ｃｈａｒｇｉｎｇ', 'ev charging'],
    ['5G', '5g'],
  ])('turns %p into %p', (raw, expected) => {
    expect(normaliseTag(raw)).toBe(expected);
  });

  it('keeps punctuation inside a tag', () => {
    expect(normaliseTag('e-commerce / logistics')).toBe('e-commerce / logistics');
  });
});

describe('normaliseTags', () => {
  it('drops empty tags and duplicates that differ only in form, keeping the first order', () => {
    expect(normaliseTags(['Payments', ' payments ', '---', 'IoT', 'iot.'])).toEqual([
      'payments',
      'iot',
    ]);
  });
});

describe('toPrefixTsQuery', () => {
  it('makes every word a prefix and joins them with AND', () => {
    expect(toPrefixTsQuery('Mob pay')).toBe('mob:* & pay:*');
  });

  it('drops tsquery operators so user input cannot break the query', () => {
    expect(toPrefixTsQuery("a & b | !c ('d')")).toBe('a:* & b:* & c:* & d:*');
  });

  it('returns null when there is no word', () => {
    expect(toPrefixTsQuery(' &|! ')).toBeNull();
  });
});
