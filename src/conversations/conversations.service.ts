import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { AppError } from '../common/app-error';
import { CompaniesService } from '../companies/companies.service';
import { Company } from '../companies/company.entity';
import { LiveEmitter } from '../live/live-emitter';
import { NotificationsService } from '../notifications/notifications.service';
import { Conversation } from './conversation.entity';
import type { WireConversation, WireMessage, WireMessagePage } from './conversation.wire';
import { Message } from './message.entity';
import { unreadNotice, withdrawUnreadNotice } from './unread-notice';

interface MessageRow {
  id: string;
  conversation_id: string;
  company_id: string;
  sender_id: string | null;
  sender_name: string | null;
  text: string;
  sent_at: Date;
}

/**
 * The conversation of two companies, made if it is not there yet (the demo seed uses it too).
 * `ON CONFLICT`: two first messages at once make one conversation, and a unique violation would
 * abort a caller's whole transaction.
 */
export async function pairConversation(
  manager: EntityManager,
  x: string,
  y: string,
): Promise<Conversation> {
  const [companyA, companyB] = [x, y].sort();
  await manager.query(
    `INSERT INTO conversations (company_a, company_b) VALUES ($1, $2)
     ON CONFLICT (company_a, company_b) DO NOTHING`,
    [companyA, companyB],
  );
  return manager.findOneByOrFail(Conversation, { companyA, companyB });
}

/** More to write in a message's transaction, given the message once it is stored. */
export type AlsoWrite = (
  manager: EntityManager,
  message: { id: string; conversationId: string },
) => Promise<void>;

const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.company_id, m.sender_id, u.name AS sender_name,
  m.text, m.sent_at`;

/** Where a page of history ends: before a message, before an instant, or at the newest. */
export type MessagesBefore = { messageId: string } | { instant: Date } | null;

/**
 * A page of a conversation's history, newest first, read backwards along
 * `messages_history_idx` (conversation, sent_at, id); exposed for the EXPLAIN test. A message
 * cursor compares with the message's own stored instant (microseconds, which a Date would lose).
 */
export function messageHistorySql(
  conversationId: string,
  before: MessagesBefore,
  limit: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [conversationId, limit];
  let cursor = '';
  if (before && 'messageId' in before) {
    params.push(before.messageId);
    cursor = 'AND (m.sent_at, m.id) < (SELECT b.sent_at, b.id FROM messages b WHERE b.id = $3)';
  } else if (before) {
    params.push(before.instant);
    cursor = 'AND m.sent_at < $3';
  }
  return {
    sql: `SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.sender_id
        WHERE m.conversation_id = $1 ${cursor}
        ORDER BY m.sent_at DESC, m.id DESC LIMIT $2`,
    params,
  };
}

function toWireMessage(row: MessageRow): WireMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    companyId: row.company_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    text: row.text,
    sentAt: row.sent_at.toISOString(),
  };
}

function readUpTo(conversation: Conversation): Record<string, string | null> {
  return {
    [conversation.companyA]: conversation.aReadUpTo,
    [conversation.companyB]: conversation.bReadUpTo,
  };
}

/** `a` or `b`: which column pair of the conversation holds this company's read receipt. */
function sideOf(conversation: Conversation, companyId: string): 'a' | 'b' {
  return conversation.companyA === companyId ? 'a' : 'b';
}

/**
 * Messages between two companies. Private to the two firms: only their own users read or write,
 * and organisers may not read them; to anyone else a conversation does not exist (404).
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly companies: CompaniesService,
    private readonly live: LiveEmitter,
    private readonly notifications: NotificationsService,
  ) {}

  /** A company's conversations, the latest message first. */
  async list(user: AuthUser, companyId: string): Promise<WireConversation[]> {
    await this.companies.find(companyId);
    await this.assertSpeaksFor(user, companyId);
    const conversations = await this.dataSource
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .where('c.companyA = :companyId OR c.companyB = :companyId', { companyId })
      .getMany();
    const views = await this.views(companyId, conversations);
    return views.sort((x, y) =>
      (y.lastMessage?.sentAt ?? '').localeCompare(x.lastMessage?.sentAt ?? ''),
    );
  }

  /**
   * Starts the pair's conversation, or continues it, with a first message from `fromCompanyId`.
   * `alsoWrite` writes what else goes with the message in its transaction (the interest in a post
   * on the opportunities board): if it fails, the message was never sent.
   */
  async start(
    user: AuthUser,
    input: { fromCompanyId: string; toCompanyId: string; text: string },
    alsoWrite?: AlsoWrite,
  ): Promise<{ conversation: WireConversation; message: WireMessage }> {
    if (input.fromCompanyId === input.toCompanyId) {
      throw AppError.invalid(
        { toCompanyId: ['must be another company than fromCompanyId'] },
        { toCompanyId: [{ rule: 'differentCompanies' }] },
      );
    }
    const [from, to] = [
      await this.companies.find(input.fromCompanyId),
      await this.companies.find(input.toCompanyId),
    ];
    await this.assertSpeaksFor(user, from.id);
    for (const company of [from, to]) {
      if (company.status !== 'verified') {
        throw AppError.conflict(
          'company.not_verified',
          `${company.id === from.id ? 'Your company' : 'That company'} is not verified yet; only verified companies write to each other`,
        );
      }
    }
    const conversation = await this.findOrCreatePair(from.id, to.id);
    const message = await this.insertMessage(user, conversation, from.id, input.text, alsoWrite);
    const [view] = await this.views(from.id, [await this.reload(conversation.id)]);
    return { conversation: view, message };
  }

  /**
   * Writes a message from one company to another in the caller's transaction (a meeting
   * request's first message, a decline's reason): the pair's conversation is found or made, and
   * nothing is written if the transaction fails. Once it commits, `announce` the returned id.
   */
  async writeInTransaction(
    manager: EntityManager,
    senderId: string,
    input: { fromCompanyId: string; toCompanyId: string; text: string },
  ): Promise<string> {
    const conversation = await pairConversation(manager, input.fromCompanyId, input.toCompanyId);
    return this.writeMessage(manager, senderId, conversation, input.fromCompanyId, input.text);
  }

  /** Sends `message.created` for a message written by `writeInTransaction`, once committed. */
  async announce(messageId: string): Promise<WireMessage> {
    const message = await this.loadMessage(messageId);
    const conversation = await this.reload(message.conversationId);
    this.live.messageCreated([conversation.companyA, conversation.companyB], message);
    return message;
  }

  /** A message from one of the conversation's two companies. */
  async send(
    user: AuthUser,
    conversationId: string,
    input: { companyId: string; text: string },
  ): Promise<WireMessage> {
    const conversation = await this.findVisible(user, conversationId);
    await this.assertSide(user, conversation, input.companyId);
    return this.insertMessage(user, conversation, input.companyId, input.text);
  }

  /** History, newest first, older than `before` (a message id or an instant). */
  async messages(
    user: AuthUser,
    conversationId: string,
    query: { before?: string; limit: number },
  ): Promise<WireMessagePage> {
    const conversation = await this.findVisible(user, conversationId);
    let before: MessagesBefore = null;
    if (query.before !== undefined) {
      if (isUUID(query.before)) {
        const found = await this.dataSource
          .getRepository(Message)
          .existsBy({ id: query.before, conversationId: conversation.id });
        if (!found) throw AppError.notFound('message', query.before);
        before = { messageId: query.before };
      } else {
        before = { instant: new Date(query.before) };
      }
    }
    const page = messageHistorySql(conversation.id, before, query.limit + 1);
    const rows = await this.dataSource.query<MessageRow[]>(page.sql, page.params);
    const items = rows.slice(0, query.limit).map(toWireMessage);
    return {
      items,
      nextBefore: rows.length > query.limit ? items[items.length - 1].id : null,
      readUpTo: readUpTo(conversation),
    };
  }

  /** Marks everything in the conversation read for the company (never moves the mark back). */
  async markRead(
    user: AuthUser,
    conversationId: string,
    companyId: string,
  ): Promise<WireConversation> {
    const conversation = await this.findVisible(user, conversationId);
    await this.assertSide(user, conversation, companyId);
    const before = readUpTo(conversation)[companyId];
    await this.dataSource.transaction(async (manager) => {
      await this.advanceRead(manager, conversation, companyId);
      await withdrawUnreadNotice(manager, conversation.id, companyId);
    });
    const [view] = await this.views(companyId, [await this.reload(conversation.id)]);
    const messageId = view.readUpTo[companyId];
    // The other firm's "Seen" follows live; nothing is sent when the mark did not move.
    if (messageId && messageId !== before) {
      this.live.conversationRead(view.companyIds, {
        conversationId: conversation.id,
        companyId,
        messageId,
      });
    }
    return view;
  }

  private async insertMessage(
    user: AuthUser,
    conversation: Conversation,
    companyId: string,
    text: string,
    alsoWrite?: AlsoWrite,
  ): Promise<WireMessage> {
    const id = await this.dataSource.transaction(async (manager) => {
      const written = await this.writeMessage(manager, user.id, conversation, companyId, text);
      await alsoWrite?.(manager, { id: written, conversationId: conversation.id });
      return written;
    });
    const message = await this.loadMessage(id);
    this.live.messageCreated([conversation.companyA, conversation.companyB], message);
    return message;
  }

  /** The message, its read receipt for the sender's side, and the other firm's unread notice. */
  private async writeMessage(
    manager: EntityManager,
    senderId: string,
    conversation: Conversation,
    companyId: string,
    text: string,
  ): Promise<string> {
    const saved = await manager.save(
      manager.create(Message, { conversationId: conversation.id, companyId, senderId, text }),
    );
    // Writing answers what came before: the sender's side has read up to its own message.
    await this.advanceRead(manager, conversation, companyId);
    await withdrawUnreadNotice(manager, conversation.id, companyId);
    // The other firm hears by email (or in-app, as each reader chose) if it leaves it unread.
    const otherId =
      companyId === conversation.companyA ? conversation.companyB : conversation.companyA;
    const from = await manager.findOneByOrFail(Company, { id: companyId });
    const to = await manager.findOneByOrFail(Company, { id: otherId });
    const notice = await unreadNotice(manager, conversation.id, from, to, text);
    if (notice) await this.notifications.notify(manager, notice);
    return saved.id;
  }

  private async loadMessage(id: string): Promise<WireMessage> {
    const [row] = await this.dataSource.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m LEFT JOIN users u ON u.id = m.sender_id
        WHERE m.id = $1`,
      [id],
    );
    return toWireMessage(row);
  }

  /** Moves the company's read receipt to the conversation's newest message, if that is newer. */
  private async advanceRead(
    manager: EntityManager,
    conversation: Conversation,
    companyId: string,
  ): Promise<void> {
    const side = sideOf(conversation, companyId);
    await manager.query(
      `UPDATE conversations c SET ${side}_read_up_to = newest.id, ${side}_read_at = newest.sent_at
         FROM (SELECT id, sent_at FROM messages WHERE conversation_id = $1
                ORDER BY sent_at DESC, id DESC LIMIT 1) newest
        WHERE c.id = $1 AND (c.${side}_read_at IS NULL OR c.${side}_read_at < newest.sent_at)`,
      [conversation.id],
    );
  }

  /**
   * The pair's one conversation. Two first messages at once both try to insert it; the unique
   * pair index lets one win and the other reads the winner's row.
   */
  private findOrCreatePair(x: string, y: string): Promise<Conversation> {
    return pairConversation(this.dataSource.manager, x, y);
  }

  private reload(id: string): Promise<Conversation> {
    return this.dataSource.getRepository(Conversation).findOneByOrFail({ id });
  }

  /** The conversation, if the user is one of its two companies' users; 404 to anyone else. */
  private async findVisible(user: AuthUser, id: string): Promise<Conversation> {
    const conversation = await this.dataSource.getRepository(Conversation).findOneBy({ id });
    if (
      !conversation ||
      !(
        (await this.companies.speaksFor(user.id, conversation.companyA)) ||
        (await this.companies.speaksFor(user.id, conversation.companyB))
      )
    ) {
      throw AppError.notFound('conversation', id);
    }
    return conversation;
  }

  /** The company is one of the conversation's two, and the user speaks for it. */
  private async assertSide(
    user: AuthUser,
    conversation: Conversation,
    companyId: string,
  ): Promise<void> {
    if (companyId !== conversation.companyA && companyId !== conversation.companyB) {
      throw AppError.forbidden(
        'company.not_yours',
        'companyId must be one of the two companies of this conversation',
      );
    }
    await this.assertSpeaksFor(user, companyId);
  }

  /** Only the company's own users: organisers do not write or read firms' messages. */
  private async assertSpeaksFor(user: AuthUser, companyId: string): Promise<void> {
    if (!(await this.companies.speaksFor(user.id, companyId))) {
      throw AppError.forbidden(
        'company.not_yours',
        "Only a company's own users read and write its messages",
      );
    }
  }

  /** Each conversation as `companyId` sees it: the other firm, the newest message, the unread. */
  private async views(
    companyId: string,
    conversations: Conversation[],
  ): Promise<WireConversation[]> {
    if (conversations.length === 0) return [];
    const ids = conversations.map((c) => c.id);
    const others = conversations.map((c) => (c.companyA === companyId ? c.companyB : c.companyA));
    const [latest, unread, companies] = await Promise.all([
      this.dataSource.query<MessageRow[]>(
        `SELECT DISTINCT ON (m.conversation_id) ${MESSAGE_COLUMNS}
           FROM messages m LEFT JOIN users u ON u.id = m.sender_id
          WHERE m.conversation_id = ANY($1::uuid[])
          ORDER BY m.conversation_id, m.sent_at DESC, m.id DESC`,
        [ids],
      ),
      this.dataSource.query<{ id: string; unread: number }[]>(
        `SELECT c.id, count(m.id)::int AS unread
           FROM conversations c
           JOIN messages m ON m.conversation_id = c.id AND m.company_id <> $2
            AND m.sent_at > coalesce(CASE WHEN c.company_a = $2 THEN c.a_read_at ELSE c.b_read_at END,
                                     '-infinity')
          WHERE c.id = ANY($1::uuid[])
          GROUP BY c.id`,
        [ids, companyId],
      ),
      this.dataSource.query<{ id: string; name: string; country: string }[]>(
        `SELECT id, name, country FROM companies WHERE id = ANY($1::uuid[])`,
        [others],
      ),
    ]);
    const latestBy = new Map(latest.map((row) => [row.conversation_id, toWireMessage(row)]));
    const unreadBy = new Map(unread.map((row) => [row.id, row.unread]));
    const companyBy = new Map(companies.map((row) => [row.id, row]));
    return conversations.map((c, index) => ({
      id: c.id,
      companyIds: [c.companyA, c.companyB],
      otherCompany: companyBy.get(others[index]) ?? { id: others[index], name: '', country: '' },
      lastMessage: latestBy.get(c.id) ?? null,
      unread: unreadBy.get(c.id) ?? 0,
      readUpTo: readUpTo(c),
    }));
  }
}
