import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ParsedMail } from 'mailparser';
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { linkIn } from '../support/account-mail';
import { startApi, startWorker } from '../support/app';
import { PASSWORD, TestClient, unique, type Account } from '../support/client';
import { TestSmtp } from '../support/smtp';
import { ensureWebBuild, expectNoSidewaysScroll, launchChromium, screenshot } from './support';

/**
 * Issue 14 in the browser, with a real SMTP server: a firm's bell counts a meeting request live,
 * its notifications are read one and all, its settings are changed (language, zone, reminders, a
 * kind off); a forgotten password is reset from the emailed link (the old session is signed out);
 * an owner invites a colleague, who follows the emailed link, signs up and lands in the team; an
 * email's unsubscribe link works signed out. Key screens in English and Traditional Chinese, and
 * at phone width with nothing wider than the screen.
 */
// A browser, a worker, SMTP and argon2 sign-ups on a 2-core machine: steps may take a while.
jest.setTimeout(90_000);

const PHONE = { width: 390, height: 844 };

/** A port free now: the API's address must be known before it starts (APP_URL, in the emails). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('web app: reaching people (notifications, settings, accounts, teams)', () => {
  const smtp = new TestSmtp();
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  const suffix = unique('r').split('-').pop()!;
  const firmName = `Lantau Contactless ${suffix}`;
  const askerName = `Prairie Payments ${suffix}`;
  const secondAskerName = `Maple Logistics ${suffix}`;
  let organiser: Account;
  let owner: Account;
  let ownerEmail: string;
  let firm: { id: string };
  let asker: { id: string; token: string };
  let secondAsker: { id: string; token: string };
  let sessionId: string;
  let page: Page;
  let askerRequestId: string;

  beforeAll(async () => {
    ensureWebBuild();
    await smtp.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const mail = { SMTP_URL: smtp.url, APP_URL: url, OUTBOX_SWEEP_MS: '300' };
    app = await startApi(mail);
    await app.listen({ port, host: '127.0.0.1' });
    client = new TestClient(app);
    worker = await startWorker(mail);
    browser = await launchChromium();

    organiser = await client.organiser();
    ownerEmail = `${unique('ada')}@example.hk`.toLowerCase();
    owner = await client.signUp({ email: ownerEmail, name: 'Ada Chan' });
    firm = await client.verifiedCompany(owner.accessToken, organiser.accessToken, {
      name: firmName,
    });
    const canadian = async (name: string) => {
      const account = await client.signUp();
      const company = await client.verifiedCompany(account.accessToken, organiser.accessToken, {
        name,
        country: 'CA',
        city: 'Toronto',
        timezone: 'America/Toronto',
        targetMarkets: ['HK'],
      });
      return { id: company.id, token: account.accessToken };
    };
    asker = await canadian(askerName);
    secondAsker = await canadian(secondAskerName);
    sessionId = await client.videoSession(organiser.accessToken, Date.now() + 3 * 86_400_000, 120, {
      title: `Hong Kong – Canada payments ${suffix}`,
    });
    await client.join(owner.accessToken, sessionId, firm.id);
    await client.join(asker.token, sessionId, asker.id);
    await client.join(secondAsker.token, sessionId, secondAsker.id);
    // The firm starts with nothing unread (its verification was told in the app too).
    await client
      .as(owner.accessToken)
      .post('/api/notifications/read')
      .send({ all: true })
      .expect(200);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
    await smtp.stop();
  });

  /** A new browser context, signed out, or signed in with `token` (stored once, as the app does). */
  async function openPage(
    options: { token?: string; width?: number; height?: number; locale?: string } = {},
  ): Promise<Page> {
    // Closed with the browser.
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
      timezoneId: 'Asia/Hong_Kong',
      locale: options.locale ?? 'en-GB',
    });
    const opened = await context.newPage();
    opened.setDefaultTimeout(20_000);
    opened.on('pageerror', (error) => console.error('page error:', error));
    if (options.token) {
      await opened.goto(`${url}/forgot-password`);
      await opened.evaluate(
        `localStorage.setItem('tradematch.token', ${JSON.stringify(options.token)})`,
      );
    }
    return opened;
  }

  /** The first email to `address` whose text has a link starting so (waiting for it). */
  async function mailWithLink(address: string, start: string, subject = ''): Promise<ParsedMail> {
    for (const deadline = Date.now() + 20_000; ;) {
      const found = smtp
        .to(address)
        .find(
          (mail) => (mail.text ?? '').includes(start) && (mail.subject ?? '').includes(subject),
        );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no email to ${address} with a link ${start}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the locator matches `count` elements (lists load again after each change). */
  async function expectCount(locator: Locator, count: number): Promise<void> {
    for (const deadline = Date.now() + 15_000; ;) {
      const now = await locator.count();
      if (now === count) return;
      if (Date.now() > deadline) throw new Error(`${now} elements, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const requestMeeting = (from: { id: string; token: string }) =>
    client
      .as(from.token)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: from.id, toCompanyId: firm.id, message: 'Shall we meet?' })
      .expect(201);

  it('verifies the address from the emailed link (and the banner asking for it goes)', async () => {
    page = await openPage({ token: owner.accessToken });
    await page.goto(`${url}/sessions`);
    await page
      .getByText(`Please verify your email address: follow the link we sent to ${ownerEmail}.`)
      .waitFor();
    const verification = await mailWithLink(ownerEmail, `${url}/verify-email?token=`);
    await page.goto(linkIn(verification, `${url}/verify-email?token=`));
    await page.getByText(`${ownerEmail} is verified. Thank you.`).waitFor();
    await expectCount(page.getByText('Please verify your email address', { exact: false }), 0);
    await page.getByRole('link', { name: 'Continue to TradeMatch' }).click();
  });

  it('counts a meeting request on the bell as it arrives, without a reload', async () => {
    await page.getByRole('heading', { name: 'Matchmaking sessions' }).waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    // A mark in the page: a reload would drop it.
    await page.evaluate('window.stillTheSamePage = true');
    askerRequestId = (await requestMeeting(asker)).body.id as string;
    await page.getByRole('link', { name: 'Notifications: 1 unread' }).waitFor();
    await expect(page.locator('.bell-count').innerText()).resolves.toBe('1');
    await requestMeeting(secondAsker);
    await page.getByRole('link', { name: 'Notifications: 2 unread' }).waitFor();
    await expect(page.evaluate<boolean>("'stillTheSamePage' in window")).resolves.toBe(true);
    await screenshot(page, 'notifications-bell');
  });

  it('lists the notifications; marks one read, then all', async () => {
    await page.getByRole('link', { name: 'Notifications: 2 unread' }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const items = page.locator('li.notification');
    // The two requests, then the company's verification (read before).
    await expectCount(items, 3);
    await expect(items.nth(2).innerText()).resolves.toContain(`${firmName} is verified`);
    // Newest first, each a sentence with the firm's name, linking to the session.
    await expect(items.nth(0).innerText()).resolves.toContain(
      `${secondAskerName} asks ${firmName} for a meeting`,
    );
    await expect(items.nth(1).innerText()).resolves.toContain(
      `${askerName} asks ${firmName} for a meeting`,
    );
    await page.getByText('2 unread', { exact: true }).waitFor();
    await screenshot(page, 'notifications-page');

    await items.nth(1).getByRole('button', { name: 'Mark read' }).click();
    await page.getByText('1 unread', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Notifications: 1 unread' }).waitFor();
    await expectCount(page.locator('li.notification.unread'), 1);

    await page.getByLabel('Unread only').check();
    await expectCount(items, 1);
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByText('Nothing new. Requests, answers and schedules will show here.').waitFor();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await page.getByLabel('Unread only').uncheck();
    await expectCount(page.locator('li.notification.unread'), 0);
    await expectCount(items, 3);
  });

  it('shows the notifications in Traditional Chinese and at phone width', async () => {
    const phone = await openPage({ token: owner.accessToken, ...PHONE, locale: 'zh-HK' });
    await phone.goto(`${url}/notifications`);
    await phone.getByRole('heading', { name: '通知' }).waitFor();
    await phone.getByLabel('只顯示未讀').waitFor();
    await phone.getByText('0 則未讀', { exact: true }).waitFor();
    // The tick box sits beside its words, not alone on a line of its own.
    const box = (await phone.getByLabel('只顯示未讀').boundingBox())!;
    expect(box.width).toBeLessThan(40);
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'notifications-phone-zh-hant');
  });

  it('stops a kind of email from the email’s unsubscribe link, signed out', async () => {
    const first = await mailWithLink(
      ownerEmail,
      `${url}/unsubscribe?key=`,
      `${askerName} asks ${firmName} for a meeting`,
    );
    const link = linkIn(first, `${url}/unsubscribe?key=`);
    // In Chinese first: it says what the click will do, and does nothing until asked.
    const chinese = await openPage({ locale: 'zh-HK', ...PHONE });
    await chinese.goto(link);
    await chinese.getByRole('heading', { name: '停止接收此類電郵' }).waitFor();
    await chinese.getByText('將停止向').waitFor();
    await expectCount(chinese.getByText('有企業邀請你會面', { exact: false }), 1);
    await expectNoSidewaysScroll(chinese);
    await screenshot(chinese, 'notifications-unsubscribe-phone-zh-hant');

    const signedOut = await openPage({ ...PHONE });
    await signedOut.goto(link);
    await signedOut.getByRole('heading', { name: 'Stop these emails' }).waitFor();
    await signedOut
      .getByText('Emails about “A firm asks you for a meeting” to', { exact: false })
      .waitFor();
    await signedOut.getByRole('button', { name: 'Stop these emails' }).click();
    await signedOut
      .getByText('Done: no more emails about “A firm asks you for a meeting”', { exact: false })
      .waitFor();
    await expectNoSidewaysScroll(signedOut);
    // Opened again, the link says it is done already.
    await signedOut.reload();
    await signedOut.getByText('are already off', { exact: false }).waitFor();
  });

  it('changes language, time zone, reminders and a kind’s delivery in the settings', async () => {
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    // The unsubscribe link's click shows here: that kind's emails are off, the app still tells.
    const received = page.getByLabel('A firm asks you for a meeting');
    await expect(received.inputValue()).resolves.toBe('in-app');
    // Every kind a firm's user can receive is offered (unread messages since conversations, the
    // weekly digest of the opportunities board since the board, follow-up questions since the
    // programme); the organisers' reminder of an agreement due is not theirs to choose.
    await expectCount(page.getByText('Unread messages from other firms'), 1);
    await expectCount(page.getByText('Weekly digest of new opportunities that fit your firm'), 1);
    await expectCount(page.getByText('Follow-up questions after a session'), 1);
    await expectCount(page.getByText('Agreements about to expire'), 0);
    // The zone is chosen by name from a list, not typed.
    const zone = page.getByLabel('Your time zone');
    await expect(zone.evaluate((element) => element.tagName)).resolves.toBe('SELECT');
    await expect(
      page.locator('#settings-timezone option[value="America/Toronto"]').innerText(),
    ).resolves.toMatch(/^America\/Toronto — Eastern .*Time \(GMT-\d\)$/);
    await page
      .getByLabel('Your language (the app, emails and notifications)')
      .selectOption('zh-Hant');
    await zone.selectOption('America/Toronto');
    await page.getByLabel('Meeting reminders, in minutes before').fill('60, 10');
    await received.selectOption('off');
    await page.getByLabel('A firm withdraws its meeting request').selectOption('in-app');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The app follows the language saved, in the same page; the header switches it back here.
    await page.getByText('設定已儲存。').waitFor();
    await page.locator('#language').selectOption('en');
    await page.getByText('Settings saved.').waitFor();
    await screenshot(page, 'notifications-settings');

    const saved = await client.as(owner.accessToken).get('/api/users/me/settings').expect(200);
    expect(saved.body).toMatchObject({
      language: 'zh-Hant',
      timezone: 'America/Toronto',
      reminders: [60, 10],
    });
    expect(saved.body.notifications).toMatchObject({
      'request.received': 'off',
      'request.cancelled': 'in-app',
    });

    // Kept on a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expect(page.getByLabel('Your time zone').inputValue()).resolves.toBe('America/Toronto');
    await expect(
      page.getByLabel('Meeting reminders, in minutes before').inputValue(),
    ).resolves.toBe('60, 10');
    await expect(page.getByLabel('A firm asks you for a meeting').inputValue()).resolves.toBe(
      'off',
    );
  });

  it('follows the settings: a kind set off is not told, the rest in the language chosen', async () => {
    // A new request (off) and then a withdrawal (in the app): once the second shows, the first
    // would have too (each is written in the transaction of its change).
    const third = await client.signUp();
    const thirdCompany = await client.verifiedCompany(third.accessToken, organiser.accessToken, {
      name: `Fraser Freight ${suffix}`,
      country: 'CA',
      timezone: 'America/Vancouver',
    });
    await client.join(third.accessToken, sessionId, thirdCompany.id);
    await requestMeeting({ id: thirdCompany.id, token: third.accessToken });
    await client
      .as(asker.token)
      .patch(`/api/sessions/${sessionId}/requests/${askerRequestId}`)
      .send({ status: 'cancelled' })
      .expect(200);

    await page.getByRole('link', { name: 'Notifications: 1 unread' }).waitFor();
    await page.getByRole('link', { name: 'Notifications: 1 unread' }).click();
    const items = page.locator('li.notification');
    await expectCount(items, 4);
    // The words follow the language chosen in the settings (the page's own is still English).
    await expect(items.nth(0).innerText()).resolves.toContain(`${askerName} 已撤回會面邀請`);
    await expectCount(page.getByText('Fraser Freight', { exact: false }), 0);
  });

  it('shows the settings in Traditional Chinese and at phone width', async () => {
    const phone = await openPage({ token: owner.accessToken, ...PHONE, locale: 'zh-HK' });
    await phone.goto(`${url}/settings`);
    await phone.getByRole('heading', { name: '設定' }).waitFor();
    await expect(phone.getByLabel('你的時區').inputValue()).resolves.toBe('America/Toronto');
    await expect(phone.getByLabel('有企業邀請你會面').inputValue()).resolves.toBe('off');
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'notifications-settings-phone-zh-hant');
    await phone.goto(`${url}/account`);
    await phone.getByRole('heading', { name: '更改密碼' }).waitFor();
    // A refused field is a sentence in the reader's language, not the server's field name.
    await phone.getByLabel('目前密碼').fill(PASSWORD);
    await phone.getByLabel('新密碼').fill('short');
    await phone.getByRole('button', { name: '更改密碼' }).click();
    await phone.getByText('請設定最少 10 個字元的密碼。').waitFor();
    await expectCount(phone.getByText('newPassword', { exact: false }), 0);
    await phone.getByText('更改密碼後，你帳戶的其他登入階段均會登出。').waitFor();
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'account-phone-zh-hant');
  });

  it('resets a forgotten password from the emailed link; the old session is signed out', async () => {
    const newPassword = 'a-brand-new-long-password';
    const signedOut = await openPage({ ...PHONE });
    await signedOut.goto(`${url}/signin`);
    await signedOut.getByRole('link', { name: 'Forgot your password?' }).click();
    await signedOut.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await signedOut.getByLabel('Email').fill(ownerEmail);
    await signedOut.getByRole('button', { name: 'Email me a link' }).click();
    await signedOut.getByRole('status').waitFor();
    await expectNoSidewaysScroll(signedOut);

    const resetMail = await mailWithLink(ownerEmail, `${url}/reset-password?token=`);
    // The email is in the language the settings chose.
    expect(resetMail.subject).toBe('重設您的 TradeMatch 密碼');
    await signedOut.goto(linkIn(resetMail, `${url}/reset-password?token=`));
    await signedOut.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await signedOut.getByText('Every other session of this account is signed out.').waitFor();
    await expectNoSidewaysScroll(signedOut);
    await screenshot(signedOut, 'account-reset-password-phone');
    await signedOut.getByLabel('New password').fill(newPassword);
    await signedOut.getByRole('button', { name: 'Set the password and sign in' }).click();
    await signedOut.getByRole('heading', { name: 'Matchmaking sessions' }).waitFor();

    // The session that was open before: signed out on its next call.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(ownerEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password.').waitFor();
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Matchmaking sessions' }).waitFor();
    owner = await client.signIn(ownerEmail, newPassword);
  });

  it('brings a colleague in: invited by email, signs up from the link, lands in the team', async () => {
    const colleagueEmail = `${unique('ben')}@example.hk`.toLowerCase();
    await page.goto(`${url}/company`);
    await page.getByRole('link', { name: `Team of ${firmName}` }).click();
    await page.getByRole('heading', { name: `Team of ${firmName}` }).waitFor();
    await page.getByLabel('Their email address').fill(colleagueEmail);
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page
      .getByText(`Invitation sent to ${colleagueEmail}. The link works for seven days.`)
      .waitFor();

    const invitation = await mailWithLink(colleagueEmail, `${url}/invitations/accept?token=`);
    // In the inviter's language (the address has no account): the owner chose Chinese.
    expect(invitation.subject).toBe(`Ada Chan 邀請您加入 TradeMatch 上的 ${firmName}`);
    const link = linkIn(invitation, `${url}/invitations/accept?token=`);
    const colleague = await openPage({ ...PHONE });
    await colleague.goto(link);
    await colleague.getByRole('heading', { name: 'Join a company on TradeMatch' }).waitFor();
    await expectNoSidewaysScroll(colleague);
    await screenshot(colleague, 'team-invitation-phone');
    await colleague.getByLabel('Your name').fill('Ben Wong');
    await colleague.getByLabel('Email').fill(colleagueEmail);
    await colleague.getByLabel('Password').fill(PASSWORD);
    await colleague.getByRole('button', { name: 'Create an account' }).click();
    await colleague.getByRole('button', { name: 'Accept the invitation' }).click();
    await colleague.getByText(`You are now in the team of ${firmName}.`).waitFor();
    await colleague.getByRole('link', { name: 'Open your company' }).click();
    await colleague.getByRole('heading', { name: `Team of ${firmName}` }).waitFor();
    const members = colleague.locator('li.member');
    await expectCount(members, 2);
    await expect(
      colleague.locator('li.member', { hasText: 'Ben Wong' }).innerText(),
    ).resolves.toContain('(you)');
    await expectNoSidewaysScroll(colleague);
    await screenshot(colleague, 'team-phone');

    // Removing someone asks first, saying what will happen; cancelled, nothing happens.
    await page.reload();
    await page.getByText('Ben Wong').waitFor();
    await page.getByRole('button', { name: 'Remove Ben Wong' }).click();
    await page
      .getByText(`Remove Ben Wong from ${firmName}? They lose access to the company at once.`)
      .waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expectCount(page.locator('li.member'), 2);
    await expect(
      client.as(owner.accessToken).get(`/api/companies/${firm.id}/members`),
    ).resolves.toMatchObject({
      body: expect.arrayContaining([expect.objectContaining({ name: 'Ben Wong' })]),
    });

    // The owner sees the colleague in the team, in Chinese too, at phone width.
    const ownerPhone = await openPage({ token: owner.accessToken, ...PHONE, locale: 'zh-HK' });
    await ownerPhone.goto(`${url}/companies/${firm.id}/team`);
    await ownerPhone.getByText('Ben Wong').waitFor();
    await ownerPhone.getByRole('heading', { name: `${firmName} 的團隊`, exact: false }).waitFor();
    await expectNoSidewaysScroll(ownerPhone);
    await screenshot(ownerPhone, 'team-phone-zh-hant');
  });
});
