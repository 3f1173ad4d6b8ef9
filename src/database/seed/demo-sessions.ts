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
  /** Requests already made, as [from company, to company, message]. */
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
    ],
  ] as [string, string, string][],
};
