import type { Browser, Page } from 'playwright-core';
import { unique } from '../support/client';
import {
  closeWebStack,
  expectNoEnglish,
  screenshot,
  startWebStack,
  type WebStack,
} from './support';

/**
 * Issue 16's messages in the browser: firm A writes to firm B from B's profile; B, on another
 * page of its own, sees the unread count in the header without a reload, opens the thread and
 * replies; A sees the reply arrive and "Seen" under its message, live. In Traditional Chinese at
 * phone width too (one column, no sideways scrolling).
 */
// A browser and argon2 sign-ups on a 2-core machine: each step may take a while under load.
jest.setTimeout(90_000);

describe('web app: messages between two firms', () => {
  let stack: WebStack;
  let browser: Browser;
  let url: string;
  const suffix = unique('m').split('-').pop()!;
  const aName = `Lantau Contactless ${suffix}`;
  const bName = `Maple Ledger ${suffix}`;
  const first = 'Our terminals, your channels: shall we talk before the fair?';
  const reply = 'Gladly. Tuesday at ten, Toronto time?';
  let a: { id: string; token: string };
  let b: { id: string; token: string };

  /** A signed-in page in `language`, optionally at phone width. */
  async function openPage(token: string, { language = 'en', phone = false } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: phone ? { width: 390, height: 844 } : { width: 1200, height: 900 },
      timezoneId: 'Asia/Hong_Kong',
      locale: 'en-GB',
    });
    await context.addInitScript(
      `localStorage.setItem('tradematch.token', ${JSON.stringify(token)});` +
        `localStorage.setItem('tradematch.language', ${JSON.stringify(language)});`,
    );
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => console.error('page error:', error));
    return page;
  }

  async function expectNoSidewaysScroll(on: Page): Promise<void> {
    const { scrollWidth, innerWidth } = await on.evaluate<{
      scrollWidth: number;
      innerWidth: number;
    }>('({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })');
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  }

  beforeAll(async () => {
    stack = await startWebStack({ worker: false });
    ({ browser, url } = stack);
    const { client } = stack;
    const org = (await client.organiser()).accessToken;
    const firm = (overrides: Record<string, unknown>) => client.verifiedFirm(org, overrides);
    a = await firm({ name: aName });
    b = await firm({ name: bName, country: 'CA', city: 'Toronto', timezone: 'America/Toronto' });
  });

  afterAll(() => closeWebStack(stack ?? {}));

  it('A writes from B’s profile; B sees it live, replies; A sees the reply and “Seen” live', async () => {
    // B is on another page of the app before anything is written.
    const bPage = await openPage(b.token);
    await bPage.goto(`${url}/sessions`);
    await bPage.getByRole('link', { name: 'Messages', exact: true }).waitFor();

    const aPage = await openPage(a.token);
    await aPage.goto(`${url}/companies/${b.id}`);
    await aPage.getByRole('heading', { name: bName, level: 1 }).waitFor();
    await aPage.getByRole('link', { name: `Message ${bName}` }).click();
    await aPage.getByText(`No messages with ${bName} yet.`).waitFor();
    await aPage.getByLabel('Your message').fill(first);
    await aPage.getByText(`${first.length} of 2,000 characters`).waitFor();
    await aPage.getByRole('button', { name: `Send the message to ${bName}` }).click();
    const aHistory = aPage.getByRole('list', { name: 'Messages of the conversation' });
    await aHistory.getByText(first).waitFor();
    await aPage.waitForURL(/\/messages\/[0-9a-f-]{36}/);

    // B: the header counts it without a reload.
    await bPage.getByRole('link', { name: 'Messages (1 unread)' }).waitFor();
    await bPage.getByRole('link', { name: 'Messages (1 unread)' }).click();
    const row = bPage.locator('li.conversation', { hasText: aName });
    await row.getByText('1 unread').waitFor();
    await row.getByText(first).waitFor();
    await screenshot(bPage, 'messages-list');
    await row.getByRole('link', { name: `Open the conversation with ${aName}` }).click();
    const bHistory = bPage.getByRole('list', { name: 'Messages of the conversation' });
    await bHistory.getByText(first).waitFor();
    // Read while open: the header's count goes.
    await bPage.getByRole('link', { name: 'Messages', exact: true }).waitFor();

    // A: "Seen" under its message, live.
    await aHistory.locator('li.mine', { hasText: first }).getByText('Seen').waitFor();

    await bPage.getByLabel('Your message').fill(reply);
    await bPage.getByRole('button', { name: `Send the message to ${aName}` }).click();
    await bHistory.getByText(reply).waitFor();
    await expect(bPage.getByLabel('Your message').inputValue()).resolves.toBe('');

    // A: the reply arrives in the open thread, which is read at once; B sees "Seen" in turn.
    await aHistory.locator('li.theirs', { hasText: reply }).waitFor();
    await bHistory.locator('li.mine', { hasText: reply }).getByText('Seen').waitFor();
    await screenshot(aPage, 'messages-thread');
    await aPage.context().close();
    await bPage.context().close();
  });

  it('reads in Traditional Chinese at phone width: the list, then the thread', async () => {
    const phone = await openPage(b.token, { language: 'zh-Hant', phone: true });
    await phone.goto(`${url}/messages`);
    await phone.getByRole('heading', { name: '訊息', level: 1 }).waitFor();
    const row = phone.locator('li.conversation', { hasText: aName });
    await row.waitFor();
    await expectNoSidewaysScroll(phone);
    await expectNoEnglish(phone, 'messages list', [aName, bName, first, reply]);
    await screenshot(phone, 'messages-list-phone-zh-hant');
    await row.getByRole('link', { name: `開啟與 ${aName} 的對話` }).click();
    const history = phone.getByRole('list', { name: '對話中的訊息' });
    await history.getByText(reply).waitFor();
    await history.getByText('已讀').waitFor();
    // One column: the thread alone, with the way back to the list.
    await expect(phone.locator('.conversations').isVisible()).resolves.toBe(false);
    await phone.getByRole('link', { name: '← 所有對話' }).waitFor();
    await expectNoSidewaysScroll(phone);
    await expectNoEnglish(phone, 'messages thread', [aName, bName, first, reply]);
    await screenshot(phone, 'messages-thread-phone-zh-hant');
    await phone.getByRole('link', { name: '← 所有對話' }).click();
    await row.waitFor();
    await phone.context().close();
  });
});
