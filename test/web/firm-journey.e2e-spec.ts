import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestClient } from '../support/client';
import { unique, type Account } from '../support/client';
import { screenshot, closeWebStack, startWebStack } from './support';

const START = Date.UTC(2031, 8, 15, 14, 0); // 22:00 in Hong Kong, 10:00 in Toronto (EDT)
const SLOT = 20 * 60_000;
const at = (slot: number) => new Date(START + slot * SLOT).toISOString();

/**
 * A firm in the browser: signs up, registers its company, is verified by an organiser, joins a
 * session, sees its ranked matches and a request from a Canadian firm, accepts it, and after the
 * organiser schedules, sees the meeting in its agenda in its own time zone and the other firm's.
 */
// A browser and argon2 sign-ups on a 2-core machine: each step may take a while under load.
jest.setTimeout(60_000);

describe('web app: a firm from sign-up to its agenda', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let organiser: Account;
  let sessionId: string;
  let sessionTitle: string;
  // Names read well in the screenshots; the suffix keeps them apart from other suites' firms.
  const suffix = unique('w').split('-').pop()!;
  const firmName = `Lantau Contactless ${suffix}`;
  const canadianName = `Prairie Payments ${suffix}`;
  let canadian: { id: string; token: string };

  beforeAll(async () => {
    ({ app, url, client, worker, browser } = await startWebStack());
    organiser = await client.organiser();
    sessionTitle = `Hong Kong – Canada ICT matching ${suffix}`;
    sessionId = (
      await client
        .as(organiser.accessToken)
        .post('/api/sessions')
        .send({
          title: sessionTitle,
          mode: 'video',
          timezone: 'Asia/Hong_Kong',
          startsAt: at(0),
          endsAt: at(4),
          slotMinutes: 20,
          maxMeetingsPerCompany: 2,
          requestDeadline: at(0),
          sides: [['HK'], ['CA']],
        })
        .expect(201)
    ).body.id;
    const owner = await client.signUp();
    const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken, {
      name: canadianName,
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      sectors: ['smart-cards-payments', 'e-commerce'],
      offers: ['distribution in north america', 'retail partnerships'],
      seeks: ['contactless smart cards', 'nfc payment terminals'],
      partnerTypes: ['distributor'],
      targetMarkets: ['HK'],
      languages: ['en', 'fr'],
    });
    canadian = { id: company.id, token: owner.accessToken };
    await client
      .as(owner.accessToken)
      .post(`/api/sessions/${sessionId}/participants`)
      .send({ companyId: company.id })
      .expect(201);
  });

  beforeEach(async () => {
    // A laptop in Hong Kong; the agenda must show Hong Kong times and Toronto's beside them.
    context ??= await browser.newContext({
      viewport: { width: 1200, height: 900 },
      timezoneId: 'Asia/Hong_Kong',
      locale: 'en-GB',
    });
    if (!page) {
      page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (error) => console.error('page error:', error));
    }
  });

  afterAll(async () => {
    await closeWebStack({ browser, worker, app });
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { name });

  it('serves the app at / and keeps /api 404s JSON', async () => {
    const home = await fetch(`${url}/sessions/anything`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await home.text()).toContain('<div id="root">');
    const missing = await fetch(`${url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404 });
  });

  it('signs up, with the API field messages beside the fields', async () => {
    await page.goto(`${url}/signup`);
    await heading('Create an account').waitFor();
    await page.getByLabel('Your name').fill('Ada Chan');
    await page.getByLabel('Email').fill(`${unique('ada')}@example.hk`);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByText('Must be at least 10 characters.').waitFor();
    // The message sits in the password field, tied to it.
    await expect(
      page.locator('.field.invalid', { has: page.getByLabel('Password') }).innerText(),
    ).resolves.toContain('Must be at least 10 characters.');
    await screenshot(page, 'sign-up');
    await page.getByLabel('Password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await heading('Register your company').waitFor();
  });

  it('registers a company from the taxonomy, with the time zone guessed', async () => {
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Asia/Hong_Kong');
    await page.getByLabel('Company name').fill(firmName);
    await page.getByLabel('Country', { exact: true }).selectOption('HK');
    await page.getByLabel('City').fill('Hong Kong');
    await page.getByLabel('Description').fill('Contactless smart cards and NFC payment terminals.');
    await page.getByLabel('Smart cards and payments').check();
    await page.getByLabel('Distributor').check();
    await page
      .getByLabel('What you offer (comma-separated)')
      .fill('contactless smart cards, nfc payment terminals');
    await page.getByLabel('What you seek (comma-separated)').fill('distribution in north america');
    await page.getByLabel('Target markets').selectOption('CA');
    await page.locator('.chip', { hasText: 'Canada' }).waitFor();
    // English is chosen already; Chinese is added from the list.
    await page.getByLabel('Languages', { exact: true }).selectOption('zh');
    await page.getByLabel('Employees').selectOption('10-49');
    await screenshot(page, 'register-company');
    await page.getByRole('button', { name: 'Register company' }).click();
    await page.getByText(`${firmName} is registered`).waitFor();
    await page.getByText('Waiting for an organiser to verify it').waitFor();
  });

  it('joins a session once an organiser has verified the company, and sees its matches', async () => {
    // The page keeps the firm's token where the app puts it; the organiser needs the company id.
    const token = await page.evaluate<string>('localStorage.getItem("tradematch.token")');
    const mine = await client.as(token).get('/api/auth/me').expect(200);
    const companyId: string = mine.body.companies[0].companyId;
    await client
      .as(organiser.accessToken)
      .post(`/api/companies/${companyId}/verification`)
      .send({ status: 'verified' })
      .expect(200);

    // No reload: the company page hears of the decision over the live connection.
    await page.locator('.badge.verified', { hasText: 'Verified' }).waitFor();
    await expect(page.getByText('Waiting for an organiser to verify it').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Sessions', exact: true }).click();
    await heading('Matchmaking sessions').waitFor();
    await page.getByRole('link', { name: sessionTitle }).waitFor();
    await screenshot(page, 'sessions');
    await page.getByRole('link', { name: sessionTitle }).click();
    await heading(sessionTitle).waitFor();
    await page.getByRole('button', { name: `Join as ${firmName}` }).click();
    await page.getByText(`${firmName} takes part`).waitFor();

    // The worker scores the new participant in the background; no reload: the matches show
    // when the live connection says scoring finished.
    await heading('Your best matches').waitFor();
    const match = page.locator('li.match', { hasText: canadianName });
    await match.waitFor({ timeout: 20_000 });
    await expect(match.locator('.score').innerText()).resolves.toMatch(/^\d+$/);
    await expect(match.locator('.reasons li').count()).resolves.toBeGreaterThan(0);
    await expect(match.innerText()).resolves.toContain('contactless smart cards');

    // The Canadian firm asks for a meeting; the firm sees it and accepts.
    await client
      .as(canadian.token)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: canadian.id, toCompanyId: companyId, message: 'Shall we talk?' })
      .expect(201);
    // No reload: the page hears of the request over the live connection.
    const received = page.locator('li.request', { hasText: `From ${canadianName}` });
    await received.waitFor();
    await expect(received.innerText()).resolves.toContain('Shall we talk?');
    await screenshot(page, 'session-matches');
    await received.getByRole('button', { name: 'Accept' }).click();
    await page.locator('li.request', { hasText: 'Accepted' }).waitFor();

    // It also asks the Canadian firm from its match card: now both asked.
    await match.getByRole('button', { name: 'Request a meeting' }).click();
    await match.getByLabel('Message (optional)').fill('Looking forward to it.');
    await match.getByRole('button', { name: 'Send request' }).click();
    await match.getByText('Meeting requested').waitFor();
    await page.locator('li.request', { hasText: `To ${canadianName}` }).waitFor();
    await expect(page.getByText('You both asked').count()).resolves.toBeGreaterThan(0);
    // Loaded afresh, the card says so instead of offering a second request.
    await page.reload();
    await match.getByText('Meeting requested').waitFor();
    await expect(match.getByRole('button', { name: 'Request a meeting' }).count()).resolves.toBe(0);
  });

  it('shows the agenda in its own time zone with the other firm’s time beside it', async () => {
    await client.runSchedule(organiser.accessToken, sessionId);

    // No reload: schedule.published brings the agenda in.
    const meeting = page.locator('ol.agenda li', { hasText: canadianName });
    await meeting.waitFor();
    const text = await meeting.innerText();
    // Slot 0 starts at 22:00 in Hong Kong, 10:00 in Toronto.
    expect(text).toMatch(/22:00/);
    expect(text).toContain('their time: 10:00 (Eastern Time)');
    expect(text).toContain('Video meeting');
    const calendar = page.getByRole('link', { name: 'Add to calendar (.ics)' });
    const [download] = await Promise.all([page.waitForEvent('download'), calendar.click()]);
    expect(download.suggestedFilename()).toBe('agenda.ics');
    await screenshot(page, 'session-agenda');

    // The same page on a phone, in Traditional Chinese.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '你的議程' }).waitFor();
    await expect(page.locator('ol.agenda li').first().innerText()).resolves.toContain('對方時間');
    await screenshot(page, 'session-phone-zh-hant');
  });
});
