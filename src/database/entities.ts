import { AccountToken } from '../accounts/account-token.entity';
import { CompanyMember } from '../companies/company-member.entity';
import { Company } from '../companies/company.entity';
import { DelegationApplication } from '../delegations/delegation-application.entity';
import { Delegation } from '../delegations/delegation.entity';
import { ItineraryItem } from '../delegations/itinerary-item.entity';
import { MatchScore } from '../matching/match-score.entity';
import { Attendance } from '../meetings/attendance.entity';
import { MeetingFeedback } from '../meetings/feedback.entity';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingPreferenceRow } from '../preferences/meeting-preference.entity';
import { ScheduleDraft } from '../scheduling/schedule-draft.entity';
import { ScheduleReport } from '../scheduling/schedule-report.entity';
import { MeetingRequest } from '../requests/meeting-request.entity';
import { Participant } from '../sessions/participant.entity';
import { SessionInvitation } from '../sessions/session-invitation.entity';
import { MatchmakingSession } from '../sessions/session.entity';
import { Notification } from '../notifications/notification.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { Conversation } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { OpportunityInterest } from '../opportunities/opportunity-interest.entity';
import { Opportunity } from '../opportunities/opportunity.entity';
import { CompanyInvitation } from '../teams/company-invitation.entity';
import { UserSettings } from '../users/user-settings.entity';
import { User } from '../users/user.entity';
import { Agreement } from '../partners/agreement.entity';
import { Partner } from '../partners/partner.entity';
import { SeminarRegistration } from '../seminars/seminar-registration.entity';
import { Seminar } from '../seminars/seminar.entity';
import { FollowUpAnswer } from '../follow-ups/follow-up-answer.entity';
import { FollowUpSurvey } from '../follow-ups/follow-up-survey.entity';

/** Every entity of the schema; the DataSource and the migration check use this one list. */
export const ENTITIES = [
  User,
  Company,
  CompanyMember,
  Delegation,
  ItineraryItem,
  DelegationApplication,
  MatchmakingSession,
  Participant,
  MatchScore,
  MeetingRequest,
  MeetingPreferenceRow,
  Meeting,
  Attendance,
  MeetingFeedback,
  ScheduleReport,
  ScheduleDraft,
  UserSettings,
  Notification,
  OutboxMessage,
  AccountToken,
  CompanyInvitation,
  SessionInvitation,
  Conversation,
  Message,
  Opportunity,
  OpportunityInterest,
  Partner,
  Agreement,
  Seminar,
  SeminarRegistration,
  FollowUpSurvey,
  FollowUpAnswer,
];
