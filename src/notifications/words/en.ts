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
    '{status, select, accepted {{toCompany} ({toCountry}) accepted the meeting {fromCompany} asked for in “{session}”, which starts {startsAt}. The meeting is placed when the schedule is published.} other {{toCompany} ({toCountry}) declined the meeting {fromCompany} asked for in “{session}”.{hasReason, select, yes { Their reason: “{reason}”} other {}} Other firms in your matches may be a better fit.}}',
  'request.answered.action': 'See your requests',

  'request.cancelled.title':
    '{removed, select, yes {{removedCompany} no longer takes part in “{session}”} other {{fromCompany} withdrew its meeting request}}',
  'request.cancelled.body':
    '{removed, select, yes {{removedCompany} no longer takes part in “{session}”, which starts {startsAt}: the meeting {fromCompany} had asked {toCompany} for is cancelled.} other {{fromCompany} ({fromCountry}) withdrew the meeting it had asked {toCompany} for in “{session}”, which starts {startsAt}.}}',
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

  // An organiser invites a firm to register and take part in a session (issue 15).
  'session.invitation.title': '{inviter} invites {company} to “{session}” on TradeMatch',
  'session.invitation.body':
    '{inviter} invites {company} to take part in “{session}”, which starts {startsAt}: one-to-one business meetings on TradeMatch, the cross-border business matching platform. Create an account with the link below (or sign in), register your company and, once the organisers have verified it, it joins the session. The link works for 14 days.',
  'session.invitation.action': 'Accept the invitation',
  'email.whyInvitedToSession':
    'You receive this email because {inviter} entered {email} in TradeMatch as the address of a firm to invite. If you do not expect it, ignore it.',

  'email.whyInvited':
    'You receive this email because {inviter} entered {email} in TradeMatch. If you do not know them, ignore it.',
  'email.whyNewAddress':
    'You receive this email because this address ({email}) was entered as the new address of a TradeMatch account.',

  'schedule.published.title':
    '{republished, select, yes {Your agenda in “{session}” changed} other {Your agenda for “{session}” is out}}',
  'schedule.published.body':
    '{republished, select, yes {The organisers published the schedule of “{session}” again. What changed for {company}:\n{changes}\n\n} other {The schedule of “{session}” is published. }}{count, plural, =0 {{company} has no meeting in it now.} one {{company} has # meeting:} other {{company} has # meetings:}}\n{agenda}\n\nThe calendar file attached (.ics) holds {count, plural, =0 {none} one {it} other {them all}}.',
  'schedule.published.meeting':
    '{startsAt}: {partner} ({country}), {place, select, table {table {table}} other {video call}}',
  'schedule.published.change':
    '{change, select, added {New: {startsAt} with {partner} ({country})} moved {Moved: with {partner} ({country}), from {from} to {startsAt}} other {Removed: {startsAt} with {partner} ({country})}}',
  'schedule.published.action': 'See your agenda',

  'meeting.changed.title':
    '{change, select, added {New meeting with {partner}} moved {Your meeting with {partner} moved} other {Your meeting with {partner} is cancelled}}',
  'meeting.changed.body':
    '{change, select, added {The organisers booked a meeting of {company} with {partner} ({country}) in “{session}” at {startsAt}, {place, select, table {at table {table}} other {by video call}}. Reminders will follow.} moved {The organisers moved the meeting of {company} with {partner} ({country}) in “{session}” from {from} to {startsAt}, {place, select, table {at table {table}} other {by video call}}. Its reminders follow the new time.} other {The meeting of {company} with {partner} ({country}) in “{session}” at {startsAt} was cancelled {cancelledBy, select, organisers {by the organisers} partner {by {partner}} other {by {company}}}. The slot is free again; its reminders will not be sent.}}',
  'meeting.changed.action': 'See your agenda',

  'meeting.reminder.title':
    'Meeting with {partner} in {unit, select, days {{amount, plural, one {# day} other {# days}}} hours {{amount, plural, one {# hour} other {# hours}}} other {{amount, plural, one {# minute} other {# minutes}}}}',
  'meeting.reminder.body':
    '{company} meets {partner} ({country}) in “{session}” at {startsAt}, {place, select, table {at table {table}} other {by video call: open the session to join it}}. The calendar file attached (.ics) holds the meeting.',
  'meeting.reminder.action': 'Open the session',

  'requests.digest.title':
    '{count, plural, one {# meeting request waits} other {# meeting requests wait}} for your answer',
  'requests.digest.body':
    'These meeting requests to your firm have no answer yet:\n{requests}\n\nA request answered before the schedule is planned can be placed in it.',
  'requests.digest.request':
    '{fromCompany} ({fromCountry}) asks {toCompany} to meet in “{session}”, which starts {startsAt}',
  'requests.digest.action': 'Answer the requests',

  'company.verification.title':
    '{status, select, verified {{company} is verified} other {{company} was not verified}}',
  'company.verification.body':
    '{status, select, verified {The organisers verified {company}. It now appears in the directory, can join matching sessions and apply to delegations.} other {The organisers did not verify {company}.{hasReason, select, yes { Their reason: “{reason}”} other {}} Please correct the company profile; the organisers can then review it again.}}',
  'company.verification.action':
    '{status, select, verified {See your company} other {Review your company profile}}',

  'application.decided.title':
    '{promoted, select, yes {{company} has a seat in “{delegation}”} other {{status, select, accepted {{company} is accepted to “{delegation}”} rejected {{company} is not accepted to “{delegation}”} other {{company} is on the waitlist of “{delegation}”}}}}',
  'application.decided.body':
    '{promoted, select, yes {A seat was freed in the delegation “{delegation}” to {city} ({startsOn} to {endsOn}) and {company}, first on the waitlist, now has it.} other {{status, select, accepted {The organisers accepted {company} to the delegation “{delegation}” to {city} ({startsOn} to {endsOn}).} rejected {The organisers did not accept {company} to the delegation “{delegation}” to {city}.{hasReason, select, yes { Their reason: “{reason}”} other {}}} other {The delegation “{delegation}” to {city} ({startsOn} to {endsOn}) is full; {company} is on its waitlist and gets the first seat that is freed.}}}}',
  'application.decided.action': 'See the delegation',

  'message.unread.title': '{fromCompany} wrote to {toCompany}',
  'message.unread.body':
    '{fromCompany} ({fromCountry}) sent {toCompany} a message that is still unread: “{text}”',
  'message.unread.action': 'Read and reply',

  'opportunity.digest.title':
    '{count, plural, one {# new opportunity} other {# new opportunities}} on the board for {company}',
  'opportunity.digest.body':
    'New on the opportunities board this week, the best fit for {company} first:\n{posts}\n\nOpen the board to read them and express interest before their deadlines.',
  'opportunity.digest.post':
    '“{title}”: {kind, select, offer {an offer from {poster}} request {a request from {poster}} project {a project of the organisers} other {market information from the organisers}}{hasPartner, select, yes { ({partnerCountry})} other {}}, {score} % fit{hasDeadline, select, yes {, until {deadline}} other {}}',
  'opportunity.digest.action': 'Open the opportunities board',

  // Follow-ups over months (issue 18): the survey's link works without signing in.
  'followup.survey.title': 'What came of the meetings of {company} in “{session}”?',
  'followup.survey.body':
    '{months, plural, one {A month} other {# months}} ago, {company} held {count, plural, one {a meeting} other {# meetings}} in “{session}”. Please tell the organisers what came of {count, plural, one {it} other {each}}: nothing, a follow-up, negotiations or an agreement signed, with the order value if you wish. It takes a minute, needs no sign-in, and helps the programme judge what works. The link works until {expiresAt}.',
  'followup.survey.action': 'Tell us what came of them',
  'agreement.expiring.title': 'The agreement with {partner} is due for renewal',
  'agreement.expiring.body':
    'The agreement “{agreement}” with {partner} expires on {expiresOn, date, long}, in {days, plural, one {# day} other {# days}}. Prepare its renewal in good time: the renewal is recorded as a new agreement, and this one stays in the history.',
  'agreement.expiring.action': 'Open the partner economy',

  'announcement.title': 'Announcement in “{session}”',
  'announcement.body': '{from}: “{text}”',
  'announcement.action': 'Open the session',

  'seminar.registration.title': 'You have a seat at “{seminar}”',
  'seminar.registration.body':
    'A seat was freed at “{seminar}” ({startsAt}) and you, first on the waitlist for {company}, now hold it. Your check-in code is on the seminar’s page.',
  'seminar.registration.action': 'See your seat',

  'seminar.reminder.title': '“{seminar}” is tomorrow',
  'seminar.reminder.body':
    'A reminder: the {kind, select, workshop {workshop} forum {forum} other {seminar}} “{seminar}” begins at {startsAt}{place, select, venue {, at {venue}} other {}}{hasVideo, select, yes {; it can also be joined by video from its page} other {}}. Show the QR code on its page at the door to check in.',
  'seminar.reminder.action': 'Open the seminar',

  'time.withOther': '{time} ({otherName}: {otherTime})',
  'email.greeting': 'Hello {name},',
  'email.openLink': 'Or open this link:',
  'email.why': 'You receive this email because you have a TradeMatch account ({email}).',
  'email.settings': 'Choose what TradeMatch tells you, and how',
  'email.unsubscribe': 'Stop emails like this one',
} as const;

export type MessageKey = keyof typeof en;
