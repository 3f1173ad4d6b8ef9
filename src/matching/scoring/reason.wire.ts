/**
 * What a match reason says, as a code with its parameters beside the English `text`, in one
 * import-free file that the server and the web app both compile against: the web app words each
 * code in the viewer's language (`web/src/i18n/`, `reason.<code>`), so a new code without words
 * fails the type-check. Sectors and partner types are taxonomy codes, countries ISO 3166-1 and
 * languages ISO 639-1 codes, for the client to name; offers and seeks are the firms' own words.
 */
export const REASON_CODES = [
  // `viewer` (the viewer's firm), `offered` (what the other firm offers that the viewer seeks),
  // `sought` (what the viewer offers that the other firm seeks): lists of tags, rarest first
  'complementarity.offers',
  'complementarity.seeks',
  'complementarity.both',
  'complementarity.none',
  // `sectors`: taxonomy codes
  'sector.common',
  'sector.none',
  // `partnerTypes`: taxonomy codes
  'partnerType.common',
  'partnerType.none',
  // `viewer`, `country` (the other firm's), `viewerCountry`
  'market.theirs',
  'market.yours',
  'market.both',
  'market.none',
  // `languages`
  'language.common',
  'language.none',
  // `common` slots of the smaller availability, `of`
  'timeOverlap.common',
  'timeOverlap.none',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonParams = Record<string, string | number | string[]>;
