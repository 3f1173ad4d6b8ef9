/** Messages between two companies, as the API and the live event carry them (SPEC "Firms"). */

/** Longest message, in characters after trimming. */
export const MESSAGE_MAX_LENGTH = 2000;

export interface WireMessage {
  id: string;
  conversationId: string;
  /** The company the message speaks for. */
  companyId: string;
  /** The user who wrote it; null once that account is gone. */
  senderId: string | null;
  senderName: string | null;
  text: string;
  sentAt: string;
}

/** One conversation as one of its two companies sees it. */
export interface WireConversation {
  id: string;
  /** The pair, in a fixed order (the same for both sides). */
  companyIds: [string, string];
  otherCompany: { id: string; name: string; country: string };
  lastMessage: WireMessage | null;
  /** Messages of the other company this company has not read. */
  unread: number;
  /** Read receipts: per company id, the newest message it has read (null: none yet). */
  readUpTo: Record<string, string | null>;
}

/** `GET /api/conversations/:id/messages`: newest first; `nextBefore` pages back (null: the start). */
export interface WireMessagePage {
  items: WireMessage[];
  nextBefore: string | null;
  readUpTo: Record<string, string | null>;
}
