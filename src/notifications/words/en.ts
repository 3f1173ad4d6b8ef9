/**
 * The words of notifications in English, as ICU messages (intl-messageformat). Each kind has a
 * `title` (also the email's subject), a `body` and an `action` (the email's button); times come
 * in already written in the reader's zone (see render-notice.ts). `zh-Hant.ts` is typed against
 * these keys, so a kind cannot have words in one language only.
 */
export const en = {
  'request.received.title': '{fromCompany} asks {toCompany} for a meeting',
  'request.received.body':
    '{fromCompany} ({fromCountry}) would like to meet {toCompany} in “{session}”, which starts {startsAt}.{hasMessage, select, yes { Their message: “{message}”} other {}}',
  'request.received.action': 'Answer the request',

  'request.answered.title':
    '{status, select, accepted {{toCompany} accepted your meeting request} other {{toCompany} declined your meeting request}}',
  'request.answered.body':
    '{status, select, accepted {{toCompany} ({toCountry}) accepted the meeting {fromCompany} asked for in “{session}”, which starts {startsAt}. The meeting is placed when the schedule is published.} other {{toCompany} ({toCountry}) declined the meeting {fromCompany} asked for in “{session}”. Other firms in your matches may be a better fit.}}',
  'request.answered.action': 'See your requests',

  'request.cancelled.title': '{fromCompany} withdrew its meeting request',
  'request.cancelled.body':
    '{fromCompany} ({fromCountry}) withdrew the meeting it had asked {toCompany} for in “{session}”, which starts {startsAt}.',
  'request.cancelled.action': 'See your requests',

  'time.withOther': '{time} ({otherName}: {otherTime})',
  'email.greeting': 'Hello {name},',
  'email.openLink': 'Or open this link:',
  'email.why': 'You receive this email because you have a TradeMatch account ({email}).',
  'email.settings': 'Choose what TradeMatch tells you, and how',
  'email.unsubscribe': 'Stop emails like this one',
} as const;

export type MessageKey = keyof typeof en;
