/** The video matchmaking session of the demo: Hong Kong firms meet Canadian firms on screen. */
export const DEMO_SESSION = {
  title: 'Hong Kong – Canada ICT Business Matching (video conference)',
  description:
    'One-to-one video meetings between Hong Kong and Canadian firms in wireless, information security, ' +
    'e-commerce, smart cards and e-payment. Hong Kong mornings, Canadian evenings.',
  mode: 'video' as const,
  timezone: 'Asia/Hong_Kong',
  /** Days from the seeding day; the session runs 07:30–11:30 in Hong Kong (evening in Canada). */
  startsInDays: 30,
  localStart: { hour: 7, minute: 30 },
  hours: 4,
  slotMinutes: 20,
  breakMinutes: 5,
  maxMeetingsPerCompany: 6,
  sides: [['HK'], ['CA']] as [string[], string[]],
  crossBorderOnly: true,
  /** Requests close this many days before the start. */
  deadlineDaysBefore: 3,
  /**
   * Requests already made, as [from company, to company, message], and when the meeting may take
   * place, in hours after the session starts (absent: any time).
   */
  requests: [
    [
      'Maple Channel Partners',
      'Harbour Pay Systems',
      'We distribute payment hardware to 400 retailers in Ontario; your NFC terminals fit our range.',
    ],
    [
      'Harbour Pay Systems',
      'Maple Channel Partners',
      'Looking for a North American channel partner for our terminals and wallet SDK.',
    ],
    [
      'Northern Cipher Inc.',
      'Victoria Peak Security Ltd',
      'Interested in co-selling managed security services in Asia.',
      [0, 2],
    ],
  ] as [string, string, string, [number, number]?][],
};

/**
 * A session that is on right now, so that the live room has a running slot, a slot clock and
 * meetings the moment the product starts: it begins at the last ten-minute mark before seeding
 * and lasts three hours; its requests are accepted and its schedule is published at once. A new
 * one is seeded once the last one is over.
 */
export const DEMO_LIVE_SESSION = {
  title: 'Live now: Hong Kong – Canada fintech speed matching (video)',
  description:
    'Ten-minute video meetings between Hong Kong and Canadian payment, security and mobile firms, ' +
    'running now: open the live room to see who is online and who to meet next.',
  mode: 'video' as const,
  timezone: 'Asia/Hong_Kong',
  hours: 3,
  slotMinutes: 10,
  breakMinutes: 5,
  maxMeetingsPerCompany: 6,
  sides: [['HK'], ['CA']] as [string[], string[]],
  crossBorderOnly: true,
  /** Accepted requests, as [from company, to company, message]. */
  requests: [
    ['Maple Channel Partners', 'Harbour Pay Systems', 'Your NFC terminals fit our Ontario range.'],
    ['Harbour Pay Systems', 'Maple Channel Partners', 'We want a North American channel partner.'],
    ['Northern Cipher Inc.', 'Victoria Peak Security Ltd', 'Co-selling managed security in Asia?'],
  ] as [string, string, string][],
};
