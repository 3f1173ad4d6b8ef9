import type { Browser } from 'playwright-core';
import { eventually } from '../support/app';
import { unique, type Account } from '../support/client';
import {
  closeWebStack,
  expectNoSidewaysScroll,
  PHONE,
  screenshot,
  signedInPage,
  startWebStack,
  type WebStack,
} from './support';

const START = Date.UTC(2031, 8, 15, 14, 0);
const HOUR = 3600_000;

/**
 * Issue 16 in the browser: a firm searches the directory, opens a firm's profile and requests a
 * meeting from it; the other firm sees the request with the sender's profile link, score and
 * reasons; the sender withdraws another request after confirming. In English, in Traditional
 * Chinese and on a phone, without sideways scrolling.
 */
// A browser and argon2 sign-ups on a 2-core machine: each step may take a while under load.
jest.setTimeout(60_000);

describe('web app: the directory of firms and their profiles', () => {
  let stack: WebStack;
  let browser: Browser;
  let url: string;
  let organiser: Account;
  let sessionId: string;
  const suffix = unique('d').split('-').pop()!;
  const sessionTitle = `Hong Kong – Canada fintech ${suffix}`;
  const senderName = `Lantau Contactless ${suffix}`;
  const partnerName = `Maple Ledger ${suffix}`;
  const thirdName = `Prairie Retail ${suffix}`;
  let sender: { id: string; token: string };
  let partner: { id: string; token: string };
  let third: { id: string; token: string };
  let withdrawnId: string;

  /** A signed-in page in `language`, optionally at phone width. */
  const openPage = (
    token: string,
    { language, phone = false }: { language?: 'en' | 'zh-Hant'; phone?: boolean } = {},
  ) => signedInPage(browser, token, { language, ...(phone ? PHONE : {}) });

  beforeAll(async () => {
    // The worker fills each company's search document (the directory's words) after it registers.
    stack = await startWebStack();
    ({ browser, url } = stack);
    const { client } = stack;
    organiser = await client.organiser();
    const org = organiser.accessToken;
    sessionId = (
      await client
        .as(org)
        .post('/api/sessions')
        .send({
          title: sessionTitle,
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: new Date(START).toISOString(),
          endsAt: new Date(START + 4 * HOUR).toISOString(),
          slotMinutes: 20,
          maxMeetingsPerCompany: 4,
          requestDeadline: new Date(START - HOUR).toISOString(),
        })
        .expect(201)
    ).body.id as string;
    const firm = async (overrides: Record<string, unknown>) => {
      const made = await client.verifiedFirm(org, overrides);
      await client.join(made.token, sessionId, made.id);
      return made;
    };
    sender = await firm({
      name: senderName,
      sectors: ['smart-cards-payments', 'fintech'],
      offers: ['nfc payment terminals', 'contactless smart cards'],
      seeks: ['distribution in north america'],
      partnerTypes: ['distributor'],
      targetMarkets: ['CA'],
    });
    const canadian = {
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      languages: ['en', 'fr'],
      targetMarkets: ['HK'],
    };
    partner = await firm({
      ...canadian,
      name: partnerName,
      description: 'Payment gateways and distribution for retail chains across Canada.',
      sectors: ['fintech', 'e-commerce'],
      offers: ['distribution in north america', 'payment gateways'],
      seeks: ['nfc payment terminals'],
      partnerTypes: ['distributor', 'joint-venture'],
    });
    third = await firm({
      ...canadian,
      name: thirdName,
      sectors: ['e-commerce'],
      offers: ['retail partnerships'],
      seeks: ['contactless smart cards'],
      partnerTypes: ['reseller'],
    });
    // Indexed by the worker: searchable once all three firms are.
    await eventually(async () => {
      const found = await client.as(sender.token).get(`/api/companies?q=${suffix}`).expect(200);
      return found.body.total === 3 ? true : undefined;
    }, 20_000);
    withdrawnId = (
      await client
        .as(sender.token)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: sender.id, toCompanyId: third.id })
        .expect(201)
    ).body.id as string;
  });

  afterAll(() => closeWebStack(stack ?? {}));

  it('searches the directory, opens a profile and requests a meeting from it', async () => {
    const page = await openPage(sender.token);
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('heading', { name: 'Directory of firms' }).waitFor();
    await page.getByLabel('Search').fill(suffix);
    await page.getByLabel('Partnerships sought').selectOption('joint-venture');
    await page.getByLabel('Target market').selectOption('HK');
    await page.getByRole('button', { name: 'Show companies' }).click();
    await page.getByRole('heading', { name: 'Companies found (1)' }).waitFor();
    await expect(page.getByRole('link', { name: thirdName }).count()).resolves.toBe(0);
    await screenshot(page, 'firm-directory');

    await page.getByRole('link', { name: partnerName }).click();
    await page.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
    await page.getByText('Toronto, Canada').waitFor();
    await page.getByText(/Their time now: .* \(Eastern Time\)/).waitFor();
    await page.getByText('Distributor, Joint venture').waitFor();
    await page.getByRole('link', { name: sessionTitle }).waitFor();
    await page
      .getByRole('button', { name: `Request a meeting with ${partnerName} in ${sessionTitle}` })
      .click();
    await page
      .getByLabel('Message (optional)')
      .fill('Our terminals, your channels: shall we talk?');
    await screenshot(page, 'company-profile');
    await page.getByRole('button', { name: `Send request to ${partnerName}` }).click();
    await page.getByText('Meeting requested').waitFor();
    await page.context().close();
  });

  it("shows the other firm the request with the sender's profile link, score and reasons", async () => {
    const page = await openPage(partner.token);
    await page.goto(`${url}/sessions/${sessionId}`);
    const request = page.locator('li.request', { hasText: `From ${senderName}` });
    await request.waitFor();
    const link = request.getByRole('link', { name: senderName, exact: true });
    await expect(link.getAttribute('href')).resolves.toBe(`/companies/${sender.id}`);
    await request.locator('.score').waitFor();
    await expect(request.locator('.reasons li').count()).resolves.toBeGreaterThan(0);
    await request.getByText('Our terminals, your channels: shall we talk?').waitFor();
    await screenshot(page, 'received-request-fit');
    // The link opens the sender's profile.
    await link.click();
    await page.getByRole('heading', { name: senderName, level: 1 }).waitFor();
    await page.context().close();
  });

  it('withdraws another sent request after confirming; the other firm is told', async () => {
    const page = await openPage(sender.token);
    await page.goto(`${url}/sessions/${sessionId}`);
    const sent = page.locator('li.request', { hasText: `To ${thirdName}` });
    await sent.waitFor();
    await sent.getByRole('button', { name: `Withdraw the request to ${thirdName}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Withdraw your meeting request to ${thirdName}?`).waitFor();
    await screenshot(page, 'withdraw-request');
    await dialog.getByRole('button', { name: 'Yes, withdraw' }).click();
    await sent.getByText('Cancelled').waitFor();
    await expect(
      sent.getByRole('button', { name: `Withdraw the request to ${thirdName}` }).count(),
    ).resolves.toBe(0);
    const theirs = await stack.client
      .as(third.token)
      .get(`/api/sessions/${sessionId}/requests?companyId=${third.id}`)
      .expect(200);
    expect(theirs.body.received).toContainEqual(
      expect.objectContaining({ id: withdrawnId, status: 'cancelled' }),
    );
    const told = await stack.client.as(third.token).get('/api/notifications').expect(200);
    expect(JSON.stringify(told.body)).toContain(senderName);
    await page.context().close();
  });

  it('reads in Traditional Chinese, and on a phone without sideways scrolling', async () => {
    const zh = await openPage(sender.token, { language: 'zh-Hant' });
    await zh.goto(`${url}/companies/${partner.id}`);
    await zh.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
    await zh.getByText('Toronto, 加拿大').waitFor();
    await zh.getByText(/對方現在時間/).waitFor();
    await screenshot(zh, 'company-profile-zh-hant');
    await zh.context().close();

    const phone = await openPage(sender.token, { language: 'zh-Hant', phone: true });
    await phone.goto(`${url}/directory`);
    await phone.getByRole('heading', { name: '公司名錄', level: 1 }).waitFor();
    await phone.getByLabel('搜尋').fill(suffix);
    await phone.getByRole('button', { name: '顯示公司' }).click();
    await phone.getByRole('link', { name: partnerName }).waitFor();
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'firm-directory-phone-zh-hant');
    await phone.getByRole('link', { name: partnerName }).click();
    await phone.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
    await expectNoSidewaysScroll(phone);
    await screenshot(phone, 'company-profile-phone-zh-hant');
    await phone.context().close();
  });
});
