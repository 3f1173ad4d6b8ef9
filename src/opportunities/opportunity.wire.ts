/**
 * The opportunities board on the wire (SPEC "Firms"): firms' offers and requests, organisers'
 * partner-government ICT projects and market information, and the interest firms express in them.
 * Plain values and types that the server and the web app both compile against; the one import is
 * the match reason, so that a post's `reasons` are the very shape (and codes) of a match's.
 * Every time is an ISO 8601 instant in UTC.
 */
import type { Reason } from '../matching/scoring/scoring-types';

/** `offer` and `request`: a firm's, for its company; `project` and `market-info`: an organiser's. */
export const OPPORTUNITY_KINDS = ['offer', 'request', 'project', 'market-info'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

/** The kinds a firm posts for its company (a verified one, `companyId` required). */
export const FIRM_OPPORTUNITY_KINDS = ['offer', 'request'] as const;
/** The kinds organisers post (no company; `partnerCountry` names the partner economy). */
export const ORGANISER_OPPORTUNITY_KINDS = ['project', 'market-info'] as const;

export function isFirmKind(kind: OpportunityKind): boolean {
  return (FIRM_OPPORTUNITY_KINDS as readonly string[]).includes(kind);
}

/** Limits of a post's fields. */
export const OPPORTUNITY_LIMITS = {
  title: 200,
  description: 5000,
  sectors: 6,
  countries: 30,
  link: 500,
  /** The message of an interest, as long as a message between two firms may be. */
  message: 2000,
} as const;

/** One post on the board, as a signed-in user sees it. */
export interface WireOpportunity {
  id: string;
  kind: OpportunityKind;
  title: string;
  description: string;
  /** Taxonomy sector codes. */
  sectors: string[];
  /** ISO 3166-1 alpha-2 codes: the markets the post is about (or whose firms may take part). */
  countries: string[];
  /** Taxonomy partner-type codes. */
  partnerTypes: string[];
  /** After this instant the post leaves the board; null: open-ended. */
  deadline: string | null;
  /** The source, an http(s) URL; null when none. */
  link: string | null;
  /** For an organiser's post: the partner economy (ISO 3166-1 alpha-2); null when none. */
  partnerCountry: string | null;
  /** The posting company (a firm's post); null for an organiser's post. */
  company: { id: string; name: string; country: string } | null;
  /** Who wrote it; null once that account is gone. */
  postedBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  /** False once the deadline has passed (only the poster and organisers still open it). */
  open: boolean;
  /** Whether the viewer may edit and delete it (the posting company's users, organisers). */
  canEdit: boolean;
  /** How many companies expressed interest: for those who may read the list, null for others. */
  interestCount: number | null;
  /** With `?companyId=`: whether that company has expressed interest already; false otherwise. */
  interested: boolean;
  /**
   * With `?companyId=`: how well the post fits that company, 0–100, by the scoring of matches;
   * null without it, and for the company's own posts.
   */
  score: number | null;
  /** With `?companyId=`: why, strongest first, as a match's reasons; empty otherwise. */
  reasons: Reason[];
}

/** `GET /api/opportunities`: open posts, best fit first with `companyId`, newest first without. */
export interface WireOpportunityPage {
  items: WireOpportunity[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A company's interest in a post: for a firm's post, the message it wrote to the posting company
 * (in their conversation, `conversationId`); for an organiser's post, its registration.
 */
export interface WireOpportunityInterest {
  id: string;
  opportunityId: string;
  company: { id: string; name: string; country: string };
  /** The user who expressed it; null once that account is gone. */
  user: { id: string; name: string } | null;
  /** That user's email address: for organisers only, null for everyone else. */
  email: string | null;
  message: string;
  /** The conversation with the posting company (a firm's post); null for an organiser's post. */
  conversationId: string | null;
  createdAt: string;
}
