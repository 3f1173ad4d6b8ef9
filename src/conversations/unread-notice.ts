import type { EntityManager } from 'typeorm';
import type { Company } from '../companies/company.entity';
import type { Notice } from '../notifications/notifications.service';
import { usersOfCompanies } from '../notifications/recipients';

/** How long a message may wait unread before the other firm's users are emailed about it. */
export const UNREAD_EMAIL_AFTER_MS = 15 * 60_000;

/** The outbox key of a conversation's unread email to one company (notify appends `:<user id>`). */
function unreadKey(conversationId: string, companyId: string): string {
  return `message-unread.${conversationId}.${companyId}`;
}

/**
 * Whether the company already has an unread-message notice waiting in this conversation: an
 * email not sent yet, or an in-app notification not shown yet. One notice per stretch of unread
 * messages, however many arrive in it.
 */
async function noticeWaiting(
  manager: EntityManager,
  conversationId: string,
  companyId: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM notification_outbox
      WHERE kind = 'message.unread' AND status = 'pending' AND key LIKE $1 || ':%'
     UNION ALL
     SELECT 1 FROM notifications
      WHERE kind = 'message.unread' AND created_at > now()
        AND params->>'conversationId' = $2 AND params->>'toCompanyId' = $3
     LIMIT 1`,
    [unreadKey(conversationId, companyId), conversationId, companyId],
  );
  return rows.length > 0;
}

/**
 * The notice, due UNREAD_EMAIL_AFTER_MS from now, that `from` wrote to `to` (null when one is
 * waiting already). Each reader's settings decide in-app, email or nothing; reading the
 * conversation before it is due withdraws it (`withdrawUnreadNotice`).
 */
export async function unreadNotice(
  manager: EntityManager,
  conversationId: string,
  from: Company,
  to: Company,
  text: string,
): Promise<Notice | null> {
  if (await noticeWaiting(manager, conversationId, to.id)) return null;
  return {
    kind: 'message.unread',
    recipients: await usersOfCompanies(manager, [to.id]),
    params: {
      conversationId,
      fromCompany: from.name,
      fromCountry: from.country,
      toCompanyId: to.id,
      toCompany: to.name,
      text: text.length > 280 ? `${text.slice(0, 279)}…` : text,
    },
    link: `/companies/${from.id}`,
    notBefore: new Date(Date.now() + UNREAD_EMAIL_AFTER_MS),
    key: unreadKey(conversationId, to.id),
  };
}

/**
 * The company read the conversation: its unread notice not sent yet is withdrawn (the email
 * marked so, the in-app notification not shown yet deleted), and every key of the conversation's
 * notices to it is freed, so that the next unread message may be told of again.
 */
export async function withdrawUnreadNotice(
  manager: EntityManager,
  conversationId: string,
  companyId: string,
): Promise<void> {
  await manager.query(
    `UPDATE notification_outbox
        SET status = CASE WHEN status = 'pending' THEN 'withdrawn' ELSE status END,
            key = key || '#read.' || id
      WHERE kind = 'message.unread' AND key LIKE $1 || ':%' AND key NOT LIKE '%#%'`,
    [unreadKey(conversationId, companyId)],
  );
  await manager.query(
    `DELETE FROM notifications
      WHERE kind = 'message.unread' AND created_at > now()
        AND params->>'conversationId' = $1 AND params->>'toCompanyId' = $2`,
    [conversationId, companyId],
  );
}
