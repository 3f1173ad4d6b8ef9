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

  // Accounts and teams (issue 14): the links these emails carry work once.
  'password.reset.title': 'Reset your TradeMatch password',
  'password.reset.body':
    'Someone, we hope you, asked to reset the password of the TradeMatch account {email}. The link below sets a new one; it works once, within an hour, and signs out every other session of the account. If you did not ask, ignore this email: your password stays as it is.',
  'password.reset.action': 'Choose a new password',

  'email.verification.title':
    '{change, select, yes {Confirm your new TradeMatch address} other {Verify your TradeMatch address}}',
  'email.verification.body':
    '{change, select, yes {You asked to sign in to TradeMatch with {email} from now on. Follow the link within 24 hours to make the change; until then your account keeps its old address. If you did not ask, ignore this email.} other {Please confirm that {email} is your address, so that we can reach you about your meetings. The link works for seven days. If you did not create a TradeMatch account, ignore this email.}}',
  'email.verification.action':
    '{change, select, yes {Confirm the new address} other {Verify my address}}',

  'invitation.title': '{inviter} invites you to join {company} on TradeMatch',
  'invitation.body':
    '{inviter} invites you to the team of {company} on TradeMatch, the cross-border business matching platform, as {role, select, owner {an owner (you may manage the team)} other {a member}}. Sign in or create an account with the link below, within seven days, to join.',
  'invitation.action': 'Join {company}',

  'email.whyInvited':
    'You receive this email because {inviter} entered {email} in TradeMatch. If you do not know them, ignore it.',
  'email.whyNewAddress':
    'You receive this email because this address ({email}) was entered as the new address of a TradeMatch account.',

  'time.withOther': '{time} ({otherName}: {otherTime})',
  'email.greeting': 'Hello {name},',
  'email.openLink': 'Or open this link:',
  'email.why': 'You receive this email because you have a TradeMatch account ({email}).',
  'email.settings': 'Choose what TradeMatch tells you, and how',
  'email.unsubscribe': 'Stop emails like this one',
} as const;

export type MessageKey = keyof typeof en;
