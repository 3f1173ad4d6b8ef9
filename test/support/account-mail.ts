import { AccountMail, type AccountEmail } from '../../src/accounts/account-mail.service';
import { eventually } from './app';

/**
 * The account emails the app wrote, as they were handed to the mail (the real AccountMail still
 * runs): the link of each, by address and kind. Read in the test's own process.
 */
export class AccountMailbox {
  private readonly sent: AccountEmail[] = [];
  private spy?: jest.SpyInstance;

  start(): void {
    const original = AccountMail.prototype.send;
    const sent = this.sent;
    this.spy = jest.spyOn(AccountMail.prototype, 'send').mockImplementation(function (
      this: AccountMail,
      manager,
      email,
    ) {
      sent.push(email);
      return original.call(this, manager, email);
    });
  }

  stop(): void {
    this.spy?.mockRestore();
  }

  /** Every email of this kind to this address so far. */
  to(address: string, kind: AccountEmail['kind']): AccountEmail[] {
    return this.sent.filter((email) => email.to === address.toLowerCase() && email.kind === kind);
  }

  /** The token of the newest link of this kind to this address (waiting for it to be written). */
  async token(address: string, kind: AccountEmail['kind'], count = 1): Promise<string> {
    const emails = await eventually(async () => {
      const found = this.to(address, kind);
      return found.length >= count ? found : undefined;
    });
    const link = new URL(emails[emails.length - 1].link, 'http://app.example');
    return link.searchParams.get('token') ?? '';
  }
}
