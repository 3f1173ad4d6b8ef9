import type { EntityManager } from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { Notice } from '../notifications/notifications.service';
import { usersOfCompanies } from '../notifications/recipients';
import type { MatchmakingSession } from '../sessions/session.entity';
import type { MeetingRequest } from './meeting-request.entity';

export type RequestNoticeKind = 'request.received' | 'request.answered' | 'request.cancelled';

/**
 * The notice of a request's change for the firm on the other side: a new request goes to the
 * receiver's users, an answer to the sender's, a cancellation to the receiver's. Times are the
 * session's start in each reader's zone, beside the local time of the firm that acted. Shared by
 * RequestsService and the demo seed, which both hand it to `notify` in their transaction.
 */
export async function requestNotice(
  manager: EntityManager,
  kind: RequestNoticeKind,
  request: Pick<MeetingRequest, 'status' | 'message'> &
    Partial<Pick<MeetingRequest, 'declineReason'>>,
  about: { session: MatchmakingSession; fromCompany: Company; toCompany: Company },
): Promise<Notice> {
  const { session, fromCompany, toCompany } = about;
  const toSender = kind === 'request.answered';
  const actor = toSender ? toCompany : fromCompany;
  return {
    kind,
    recipients: await usersOfCompanies(manager, [toSender ? fromCompany.id : toCompany.id]),
    params: {
      fromCompany: fromCompany.name,
      fromCountry: fromCompany.country,
      toCompany: toCompany.name,
      toCountry: toCompany.country,
      session: session.title,
      startsAt: {
        at: session.startsAt.toISOString(),
        otherZone: actor.timezone,
        otherName: actor.name,
      },
      status: request.status,
      // A request cancelled because a firm left the session says so (ParticipantsService.remove).
      removed: 'no',
      removedCompany: '',
      hasMessage: request.message ? 'yes' : 'no',
      message: request.message,
      hasReason: request.declineReason ? 'yes' : 'no',
      reason: request.declineReason ?? '',
    },
    link: `/sessions/${session.id}`,
  };
}
