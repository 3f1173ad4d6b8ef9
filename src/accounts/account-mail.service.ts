import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '../notifications/notification.wire';
import { NotificationsService } from '../notifications/notifications.service';
import { message } from '../notifications/render/render-notice';
import { DEFAULT_SETTINGS } from '../users/settings.service';

/** The emails of accounts and teams, each with a link into the web app that carries a secret. */
export type AccountEmail =
  | { kind: 'password.reset'; userId: string; to: string; link: string }
  | { kind: 'email.verification'; userId: string; to: string; link: string }
  /** The confirmation sent to a new address (the account's own is still the old one). */
  | { kind: 'email.change'; userId: string; to: string; link: string }
  | {
      kind: 'invitation';
      /** The invited address's account, if it has one. */
      userId: string | null;
      to: string;
      link: string;
      companyName: string;
      inviterName: string;
      /** The inviter's account: its language is the email's when the address has no account. */
      inviterId: string;
      role: 'owner' | 'member';
    };

/**
 * Writes an account email in the transaction of the change that causes it, through the
 * notification outbox (the link is stored hashed in the same transaction, so a link is never
 * mailed for a change that rolled back, nor lost when the worker or the SMTP server is down). A
 * reset and a verification go to the account's own address (`notify`: account kinds, never turned
 * off, no in-app notice); a new address's confirmation and an invitation go to the address given
 * (`notifyAddress`), in the language of its account (or, for a newcomer, the inviter's).
 */
@Injectable()
export class AccountMail {
  constructor(private readonly notifications: NotificationsService) {}

  async send(manager: EntityManager, email: AccountEmail): Promise<void> {
    switch (email.kind) {
      case 'password.reset':
        await this.notifications.notify(manager, {
          kind: 'password.reset',
          recipients: [email.userId],
          params: { email: email.to },
          link: email.link,
        });
        return;
      case 'email.verification':
        await this.notifications.notify(manager, {
          kind: 'email.verification',
          recipients: [email.userId],
          params: { email: email.to, change: 'no' },
          link: email.link,
        });
        return;
      case 'email.change': {
        const reader = await readerOf(manager, email.userId);
        await this.notifications.notifyAddress(manager, {
          kind: 'email.verification',
          to: email.to,
          userId: email.userId,
          name: reader.name,
          language: reader.language,
          params: { email: email.to, change: 'yes' },
          link: email.link,
          why: message(reader.language, 'email.whyNewAddress', { email: email.to }),
        });
        return;
      }
      case 'invitation': {
        const reader = await readerOf(manager, email.userId ?? email.inviterId);
        await this.notifications.notifyAddress(manager, {
          kind: 'invitation',
          to: email.to,
          userId: email.userId,
          // A newcomer is greeted by their address; an account by its name.
          name: email.userId ? reader.name : email.to,
          language: reader.language,
          params: { inviter: email.inviterName, company: email.companyName, role: email.role },
          link: email.link,
          why: message(reader.language, 'email.whyInvited', {
            inviter: email.inviterName,
            email: email.to,
          }),
        });
        return;
      }
    }
  }
}

/** A user's name and language (their setting, or the default). */
async function readerOf(
  manager: EntityManager,
  userId: string,
): Promise<{ name: string; language: Language }> {
  const [row] = await manager.query<{ name: string; language: Language | null }[]>(
    `SELECT u.name, s.language FROM users u LEFT JOIN user_settings s ON s.user_id = u.id
      WHERE u.id = $1`,
    [userId],
  );
  return {
    name: row?.name ?? '',
    language: row?.language ?? DEFAULT_SETTINGS.language,
  };
}
