/**
 * Every `code` an error answer of the API can carry (`{statusCode, error, message, code?}`), in one
 * import-free list that the server and the web app both compile against: `AppError` takes only
 * these, and the web app words each of them in every language (`web/src/i18n/`), so a new code
 * without words fails the type-check.
 */
export const ERROR_CODES = [
  // Any route
  'validation_failed',
  'bad_request',
  'malformed_json',
  'malformed_url',
  'body_too_large',
  'unsupported_media_type',
  'rate_limited',
  'database_unavailable',
  'redis_unavailable',
  'queue_unavailable',
  // Accounts
  'auth.bad_credentials',
  'auth.token_missing',
  'auth.token_invalid',
  'auth.user_disabled',
  'auth.role_required',
  'user.not_found',
  'user.email_taken',
  'user.disable_self',
  // Companies and their import
  'company.not_found',
  'company.duplicate',
  'company.not_verified',
  'company.not_yours',
  'import.not_csv',
  'import.malformed_csv',
  'import.empty',
  'import.no_rows',
  'import.too_many_rows',
  // Sessions, requests and meetings
  'session.not_found',
  'session.bad_transition',
  // A move the session's status does not allow: `session.<status>` (SESSION_STATUSES)
  'session.draft',
  'session.open',
  'session.scheduled',
  'session.live',
  'session.closed',
  'session.availability_outside',
  // Taking a move to live or closed back (SPEC.md, "Organisers' control")
  'session.undo_expired',
  'session.undo_started',
  'session.undo_meetings_held',
  'session_invitation.not_found',
  'session_invitation.already_participant',
  'participant.not_found',
  'participant.no_side',
  'request.not_found',
  'request.after_deadline',
  'request.duplicate',
  'request.not_participant',
  'request.not_pending',
  'request.same_side',
  'request.ineligible',
  'meeting.not_found',
  'meeting.bad_transition',
  'meeting.already_held',
  'meeting.already_no_show',
  'meeting.cancelled',
  'meeting.has_feedback',
  'meeting.not_held',
  'meeting.not_video',
  'meeting.not_yours',
  'meeting.over',
  'feedback.duplicate',
  'calendar_feed.not_found',
  'job.not_found',
  // Delegations
  'delegation.not_found',
  'delegation.ended',
  'delegation.full',
  'delegation.capacity_below_accepted',
  'delegation.itinerary_full',
  'delegation.itinerary_outside',
  'itinerary_item.not_found',
  'application.not_found',
  'application.duplicate',
  'application.withdrawn',
  // The live room
  'live.not_in_session',
  'live.not_your_meeting',
  'live.organisers_only',
  'live.too_many_sessions',
  'live.message_too_large',
  'live.not_in_room',
  // Accounts and teams (issue 14).
  'auth.token_invalid_link',
  'auth.email_already_verified',
  'auth.wrong_password',
  'invitation.already_member',
  'invitation.members_only',
  'company.last_owner',
  'company.owner_required',
  'company_member.not_found',
  'invitation.not_found',
  // Meeting truth and delegations' travelling side (issue 15).
  'meeting.not_begun',
  'request.meeting_scheduled',
  'application.wrong_country',
  // Schedules as drafts, and the board by hand (issue 15).
  'schedule_draft.not_found',
  'schedule_draft.replaced',
  'schedule_draft.stale',
  'board.not_participant',
  'board.ineligible',
  'board.pair_declined',
  'board.pair_meets',
  'board.slot_begun',
  'board.meeting_begun',
  'board.company_busy',
  'board.unavailable',
  'board.max_meetings',
  'board.table_taken',
  'board.tables_full',
  // Messages between two companies (issue 16).
  'conversation.not_found',
  'message.not_found',
  // The opportunities board (issue 16).
  'opportunity.not_found',
  'opportunity.expired',
  'opportunity.own',
  'interest.duplicate',
  // Seminars and workshops (issue 18).
  'seminar.not_found',
  'seminar.started',
  'seminar.capacity_below_registered',
  'registration.not_found',
  'registration.duplicate',
  'check_in_code.not_found',
  'check_in.already',
  'check_in.no_seat',
  // Follow-ups over months (issue 18): a survey's emailed link.
  'follow_up.not_found',
  'follow_up.expired',
  // Partner economies and their agreements (issue 18).
  'partner.not_found',
  'partner.country_taken',
  'agreement.not_found',
  'agreement.already_renewed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What `AppError.notFound` may name: every `<what>.not_found` code above. */
export type NotFoundSubject = ErrorCode extends infer Code
  ? Code extends `${infer What}.not_found`
    ? What
    : never
  : never;
