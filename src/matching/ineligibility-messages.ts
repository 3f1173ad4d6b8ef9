import type { Ineligibility } from './scoring/scoring-types';

const MESSAGES: Record<Ineligibility, string> = {
  'same-company': 'A company cannot meet itself',
  'same-country': 'This session pairs firms of different countries only',
  'no-side': "One of the firms is on neither side of this session's pairing",
  'same-side': 'Both firms are on the same side; this session pairs one firm from each side',
  'no-common-time': 'The two firms have no available time in common',
};

/** Why two firms may not meet, in a sentence. */
export function explainIneligibility(reason: Ineligibility): string {
  return MESSAGES[reason];
}
