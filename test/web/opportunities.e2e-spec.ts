import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { unique, type Account } from '../support/client';
import {
  closeWebStack,
  expectNoEnglish,
  expectNoSidewaysScroll,
  PHONE,
  screenshot,
  signedInPage,
  startWebStack,
  type WebStack,
} from './support';

const DAY = 24 * 3600_000;

/**
 * Issue 16's opportunities board in the browser: a firm finds a post that fits it (ranked first,
 * with the reasons in words), opens it and tells the posting firm it is interested; an organiser
 * posts a partner-government project through the form (its refusals worded by field first), a
 * firm registers for it, and the organiser sees the registration and downloads the list. In
 * Traditional Chinese and at phone width too, without sideways scrolling.
 */
// A browser and argon2 sign-ups on a 2-core machine: each step may take a while under load.
jest.setTimeout(60_000);

describe('web app: the opportunities board', () => {
  let stack: WebStack;
  let browser: Browser;
  let url: string;
  let organiser: Account;
  const suffix = unique('o').split('-').pop()!;
  const seekerName = `Lantau Contactless ${suffix}`;
  const posterName = `Maple Ledger ${suffix}`;
  const otherName = `Rhine Retail ${suffix}`;
  const fitting = `Distribution across Canada for payment terminals ${suffix}`;
  const unfitting = `Warehouse robots wanted ${suffix}`;
  const projectTitle = `Helsinki smart payments pilot ${suffix}`;
  const interestMessage = 'Our terminals, your channels: shall we talk?';
  const registrationMessage = 'We would pilot contactless payments in Helsinki.';
  let seeker: { id: string; token: string };
  let poster: { id: string; token: string };
  let fittingId: string;
  /** What the firms wrote themselves (tags, names, titles): it stays as typed in Chinese. */
  const typed = [
    seekerName,
    posterName,
    otherName,
    fitting,
    unfitting,
    projectTitle,
    suffix,
    'nfc payment terminals',
    'distribution in north america',
    'Payment gateways and distribution for retail chains across Canada, looking for terminals from Asia.',
  ];

  /** A signed-in page in `language`, optionally at phone width. */
  const openPage = (
    token: string,
    { language, phone = false }: { language?: 'en' | 'zh-Hant'; phone?: boolean } = {},
  ): Promise<Page> => signedInPage(browser, token, { language, ...(phone ? PHONE : {}) });

  beforeAll(async () => {
    // Posts are searched and ranked as they are asked for: no worker needed.
    stack = await startWebStack({ worker: false });
    ({ browser, url } = stack);
    const { client } = stack;
    organiser = await client.organiser();
    const firm = (overrides: Record<string, unknown>) =>
      client.verifiedFirm(organiser.accessToken, overrides);
    seeker = await firm({
      name: seekerName,
      sectors: ['smart-cards-payments', 'fintech'],
      offers: ['nfc payment terminals'],
      seeks: ['distribution in north america'],
      partnerTypes: ['distributor'],
      targetMarkets: ['CA', 'FI'],
    });
    poster = await firm({
      name: posterName,
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      languages: ['en', 'fr'],
      sectors: ['fintech', 'smart-cards-payments'],
      offers: ['distribution in north america'],
      seeks: ['nfc payment terminals'],
      partnerTypes: ['distributor'],
      targetMarkets: ['HK'],
    });
    const other = await firm({
      name: otherName,
      country: 'DE',
      city: 'Cologne',
      timezone: 'Europe/Berlin',
      languages: ['de'],
      sectors: ['e-commerce'],
      offers: ['retail analytics'],
      seeks: ['warehouse robots'],
      partnerTypes: ['reseller'],
      targetMarkets: ['AT'],
    });
    fittingId = (
      await client
        .as(poster.token)
        .post('/api/opportunities')
        .send({
          kind: 'offer',
          companyId: poster.id,
          title: fitting,
          description: typed.at(-1),
          sectors: ['smart-cards-payments', 'fintech'],
          countries: ['HK'],
          partnerTypes: ['distributor'],
          deadline: new Date(Date.now() + 12 * DAY).toISOString(),
        })
        .expect(201)
    ).body.id as string;
    // Posted after the fitting one: newest first would put it on top; the ranking does not.
    await client
      .as(other.token)
      .post('/api/opportunities')
      .send({
        kind: 'request',
        companyId: other.id,
        title: unfitting,
        description: 'Robots for our warehouses in the Rhineland.',
        sectors: ['e-commerce'],
        countries: ['DE'],
        partnerTypes: ['reseller'],
      })
      .expect(201);
  });

  afterAll(() => closeWebStack(stack ?? {}));

  it('a firm finds the post that fits it first, with the reasons, and tells the poster', async () => {
    const page = await openPage(seeker.token);
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: 'Opportunities', exact: true }).click();
    await page.getByRole('heading', { name: 'Opportunities', level: 1 }).waitFor();
    await page.getByLabel('Search').fill(suffix);
    await page.getByRole('button', { name: 'Show opportunities' }).click();
    await page.getByRole('heading', { name: 'Open opportunities (2)' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(suffix);
    await page.getByText(`Best fit for ${seekerName} first.`).waitFor();
    const cards = page.locator('ol.opportunities > li');
    const first = cards.first();
    await expect(first.getByRole('heading').textContent()).resolves.toBe(fitting);
    await expect(cards.nth(1).getByRole('heading').textContent()).resolves.toBe(unfitting);
    const [best, worst] = await Promise.all(
      [first, cards.nth(1)].map(async (card) => Number(await card.locator('.score').textContent())),
    );
    expect(best).toBeGreaterThan(worst);
    await first.getByText('Offers distribution in north america, which').waitFor();
    await first.getByText(/^Closes in 1[12] days \(/).waitFor();
    await expect(first.getByRole('link', { name: posterName }).getAttribute('href')).resolves.toBe(
      `/companies/${poster.id}`,
    );
    await screenshot(page, 'opportunities-board');

    await first.getByRole('link', { name: fitting }).click();
    await page.getByRole('heading', { name: fitting, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'I’m interested' }).click();
    await page.getByLabel(`Message to ${posterName}`).fill(interestMessage);
    await screenshot(page, 'opportunity-interest');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(`Your message went to ${posterName}.`).waitFor();
    const conversation = page.getByRole('link', { name: 'Open the conversation' });
    await expect(conversation.getAttribute('href')).resolves.toMatch(/^\/messages\/[0-9a-f-]{36}$/);
    // The posting firm has the message, in the conversation of the two firms.
    const theirs = await stack.client
      .as(poster.token)
      .get(`/api/conversations?companyId=${poster.id}`)
      .expect(200);
    expect(JSON.stringify(theirs.body)).toContain(interestMessage);
    // And sees who is interested on its own post, with no button to express interest itself.
    const own = await openPage(poster.token);
    await own.goto(`${url}/opportunities/${fittingId}`);
    await own.getByText('Your company posted this.').waitFor();
    await own.getByRole('heading', { name: '1 firm interested' }).waitFor();
    await own.getByRole('link', { name: seekerName }).waitFor();
    await expect(own.getByRole('button', { name: 'I’m interested' }).count()).resolves.toBe(0);
    await own.context().close();
    await page.context().close();
  });

  it('an organiser posts a project, a firm registers, the organiser sees it and downloads the list', async () => {
    const page = await openPage(organiser.accessToken);
    await page.goto(`${url}/opportunities`);
    await page.getByRole('link', { name: 'Post an opportunity' }).click();
    await page.getByRole('heading', { name: 'Post an opportunity', level: 1 }).waitFor();
    // Nothing filled in: the API's refusals, by their fields.
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Fill this in.').first().waitFor();
    await page.getByText('Choose at least one.').waitFor();
    // The focus went to the first field to fix; the whole form is shown from its top.
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('post-title');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'opportunity-form-errors');

    await page.getByLabel('Kind').selectOption('project');
    await page.getByLabel('Title').fill(projectTitle);
    await page
      .getByLabel('Description')
      .fill('The city of Helsinki tenders a pilot of contactless payments on its trams.');
    await page.getByLabel('Partner economy').selectOption('FI');
    await page.getByRole('checkbox', { name: 'Smart cards and payments' }).check();
    await page.getByLabel('Countries it concerns').selectOption('FI');
    const deadline = new Date(Date.now() + 30 * DAY);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Hong_Kong' }).format(deadline);
    await page.getByLabel('Deadline (optional)').fill(day);
    await page.getByLabel('Source link (optional)').fill('https://tenders.example.fi/pilot');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('heading', { name: projectTitle, level: 1 }).waitFor();
    await page.getByText('Partner economy: Finland').waitFor();
    await page.getByText(/^Closes in 30 days \(/).waitFor();
    const source = page.getByRole('link', { name: 'Source (opens in a new tab)' });
    await expect(source.getAttribute('target')).resolves.toBe('_blank');
    await expect(source.getAttribute('rel')).resolves.toContain('noopener');
    const projectId = page.url().split('/').pop()!;

    // A firm registers, from the post's page.
    const firm = await openPage(seeker.token);
    await firm.goto(`${url}/opportunities/${projectId}`);
    await firm.getByRole('button', { name: 'I’m interested' }).click();
    await firm.getByLabel('Message to the organisers').fill(registrationMessage);
    await firm.getByRole('button', { name: 'Register' }).click();
    await firm.getByText('You’re registered').waitFor();
    await firm.reload();
    await firm.getByText('You’re registered').waitFor();
    await firm.context().close();

    await page.reload();
    await page.getByRole('heading', { name: '1 firm interested' }).waitFor();
    await page.getByRole('link', { name: seekerName }).waitFor();
    await page.getByText(registrationMessage).waitFor();
    await screenshot(page, 'opportunity-registrations');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the list (CSV)' }).click(),
    ]);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain(seekerName);
    expect(text).toContain(registrationMessage);
    await page.context().close();
  });

  it('its firm edits its own post, then deletes it after confirming', async () => {
    const { client } = stack;
    const id = (
      await client
        .as(poster.token)
        .post('/api/opportunities')
        .send({
          kind: 'request',
          companyId: poster.id,
          title: `Card readers sought ${suffix}`,
          description: 'For kiosks.',
          sectors: ['smart-cards-payments'],
          countries: ['HK'],
          deadline: new Date(Date.now() + 5 * DAY).toISOString(),
        })
        .expect(201)
    ).body.id as string;
    const before = await client.as(poster.token).get(`/api/opportunities/${id}`).expect(200);
    const page = await openPage(poster.token);
    await page.goto(`${url}/opportunities/${id}`);
    await page.getByRole('link', { name: `Edit Card readers sought ${suffix}` }).click();
    await page.getByLabel('Title').fill(`Contactless card readers sought ${suffix}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('heading', { name: `Contactless card readers sought ${suffix}`, level: 1 })
      .waitFor();
    // Only the title was sent: the deadline stays the instant it was.
    const after = await client.as(poster.token).get(`/api/opportunities/${id}`).expect(200);
    expect(after.body.deadline).toBe(before.body.deadline);

    await page
      .getByRole('button', { name: `Delete Contactless card readers sought ${suffix}` })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/It leaves the board for everyone/).waitFor();
    await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('heading', { name: 'Opportunities', level: 1 }).waitFor();
    await client.as(poster.token).get(`/api/opportunities/${id}`).expect(404);
    await page.context().close();
  });

  it('reads in Traditional Chinese, and on a phone without sideways scrolling', async () => {
    const phone = await openPage(seeker.token, { language: 'zh-Hant', phone: true });
    await phone.goto(`${url}/opportunities?q=${suffix}`);
    await phone.getByRole('heading', { name: '商機', level: 1 }).waitFor();
    await phone.locator('ol.opportunities > li .reasons li').first().waitFor();
    await expectNoSidewaysScroll(phone);
    await expectNoEnglish(phone, 'the board', typed);
    await screenshot(phone, 'opportunities-board-phone-zh-hant');
    await phone.getByRole('link', { name: fitting }).click();
    await phone.getByRole('heading', { name: fitting, level: 1 }).waitFor();
    await phone.getByText(`你的訊息已傳送給 ${posterName}。`).waitFor();
    await expectNoSidewaysScroll(phone);
    await expectNoEnglish(phone, 'a post', typed);
    await screenshot(phone, 'opportunity-phone-zh-hant');
    await phone.context().close();

    const form = await openPage(organiser.accessToken, { language: 'zh-Hant' });
    await form.goto(`${url}/opportunities/new`);
    await form.getByRole('heading', { name: '發布商機', level: 1 }).waitFor();
    await form.getByRole('checkbox', { name: '智能卡及支付' }).waitFor();
    await form.getByRole('button', { name: '發布', exact: true }).click();
    await form.getByText('請填寫此欄。').first().waitFor();
    await expectNoEnglish(form, 'the form', typed);
    await form.evaluate('window.scrollTo(0, 0)');
    await screenshot(form, 'opportunity-form-zh-hant');
    await form.context().close();
  });
});
