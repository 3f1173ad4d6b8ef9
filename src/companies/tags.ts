/**
 * Free tags (`offers`, `seeks`) in one canonical form so that "Mobile  Payments " offered by one
 * firm meets "mobile payments" sought by another: Unicode NFKC, lower case, single spaces, no
 * punctuation at either end, each tag once.
 */
export function normaliseTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normaliseTag).filter((tag) => tag.length > 0))];
}

/** Words of a search box as a prefix-matching tsquery ("mob pay" → "mob:* & pay:*"), or null. */
export function toPrefixTsQuery(text: string): string | null {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0
    ? words
        .slice(0, 12)
        .map((word) => `${word}:*`)
        .join(' & ')
    : null;
}
