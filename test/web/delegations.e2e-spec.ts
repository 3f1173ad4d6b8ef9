import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import type { TestClient } from '../support/client';
import { unique, type Account } from '../support/client';
import { screenshot, signedInPage, closeWebStack, startWebStack } from './support';

// A browser, three argon2 sign-ups and several pages on a 2-core machine: steps may take a while.
jest.setTimeout(90_000);

/**
 * Delegations in the browser: an organiser creates one with an itinerary item, two firms apply,
 * the organiser accepts one and is told the delegation is full for the other, who is waitlisted
 * and moves up when the first withdraws; a firm of another country is offered no Apply.
 */
describe('web app: delegations', () => {
  let app: NestFastifyApplication;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let organiserPage: Page;
  let firstPage: Page;
  let secondPage: Page;
  let organiser: Account;
  let first: Account;
  let second: Account;
  let delegationPath: string;
  const suffix = unique('d').split('-').pop()!;
  const title = `Hong Kong ICT mission to Finland ${suffix}`;
  const firstName = `Sha Tin Sensors ${suffix}`;
  const secondName = `Aberdeen Data Vault ${suffix}`;

  beforeAll(async () => {
    ({ app, url, client, browser } = await startWebStack({ worker: false }));
    [organiser, first, second] = await Promise.all([
      client.organiser(),
      client.signUp({ name: 'Kit Lee' }),
      client.signUp({ name: 'Jo Ho' }),
    ]);
    await client.verifiedCompany(first.accessToken, organiser.accessToken, { name: firstName });
    await client.verifiedCompany(second.accessToken, organiser.accessToken, { name: secondName });
    // Everyone sits in Hong Kong; the delegation's days are in Helsinki.
    organiserPage = await signedInPage(browser, organiser.accessToken);
    firstPage = await signedInPage(browser, first.accessToken);
    secondPage = await signedInPage(browser, second.accessToken);
  });

  afterAll(async () => {
    await closeWebStack({ browser, app });
  });

  const section = (page: Page, name: string | RegExp) =>
    page.locator('section', { has: page.getByRole('heading', { name }) });
  const applicationOf = (page: Page, name: string) =>
    page.locator('li.application', { hasText: name });

  it('lets an organiser create a delegation, with the API’s messages beside the fields', async () => {
    const page = organiserPage;
    await page.goto(`${url}/delegations`);
    await page.getByRole('heading', { name: 'Trade delegations' }).waitFor();
    await page.getByRole('link', { name: 'New delegation' }).click();
    await page.getByRole('heading', { name: 'New delegation' }).waitFor();
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Create delegation' }).click();
    await page
      .locator('.field.invalid', { has: page.getByLabel('From', { exact: true }) })
      .getByText('Choose a country.')
      .waitFor();

    await page.getByLabel('Direction').selectOption('outbound');
    await page.getByLabel('From', { exact: true }).selectOption('HK');
    await page.getByLabel('To', { exact: true }).selectOption('FI');
    await page.getByLabel('City').fill('Helsinki');
    await page.getByLabel('Leader').fill('Grace Lau, HK Trade Promotion Office');
    await page.getByLabel('First day').fill('2031-06-09');
    await page.getByLabel('Last day').fill('2031-06-13');
    await page.getByLabel('Time zone of the place').selectOption('Europe/Helsinki');
    await page.getByLabel('Places (companies)').fill('1');
    await page
      .getByLabel('Description')
      .fill('Wireless and security firms meet Finnish operators in Helsinki, Espoo and Oulu.');
    await screenshot(page, 'delegation-form');
    await page.getByRole('button', { name: 'Create delegation' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    delegationPath = new URL(page.url()).pathname;
    expect(delegationPath).toMatch(/^\/delegations\/[0-9a-f-]{36}$/);
    await page.getByText('0 of 1 place taken, 1 left').waitFor();
  });

  it('adds an itinerary item in the place’s local time, shown in the viewer’s zone too', async () => {
    const page = organiserPage;
    const itinerary = section(page, 'Itinerary');
    await itinerary.getByLabel('Kind').selectOption('reception');
    await itinerary.getByLabel('Title').fill('Welcome reception');
    await itinerary.getByLabel('Location (optional)').fill('Hotel Kämp, Helsinki');
    // Outside the delegation's days: the API's message sits by the start.
    await itinerary.getByLabel('Starts').fill('2031-06-20T18:00');
    await itinerary.getByLabel('Ends').fill('2031-06-20T20:00');
    await itinerary.getByRole('button', { name: 'Add item' }).click();
    await itinerary
      .locator('.field.invalid', { has: page.getByLabel('Starts') })
      .getByText(/Must fall within the delegation’s days/)
      .waitFor();
    await itinerary.getByLabel('Starts').fill('2031-06-09T18:00');
    await itinerary.getByLabel('Ends').fill('2031-06-09T20:00');
    await itinerary.getByRole('button', { name: 'Add item' }).click();
    await itinerary.getByText('Welcome reception was added.').waitFor();
    const item = itinerary.locator('ol.itinerary li', { hasText: 'Welcome reception' });
    // 18:00 in Helsinki (summer time, +03:00) is 23:00 in Hong Kong.
    await expect(item.innerText()).resolves.toMatch(/23:00/);
    await expect(item.innerText()).resolves.toContain(
      'local time in Helsinki: 18:00–20:00 (Eastern European Time)',
    );
    await expect(item.innerText()).resolves.toContain('Reception');

    // A second item, removed again.
    await itinerary.getByLabel('Title').fill('Spare slot');
    await itinerary.getByLabel('Starts').fill('2031-06-10T09:00');
    await itinerary.getByLabel('Ends').fill('2031-06-10T10:00');
    await itinerary.getByRole('button', { name: 'Add item' }).click();
    await itinerary.locator('ol.itinerary li', { hasText: 'Spare slot' }).waitFor();
    await itinerary.getByRole('button', { name: 'Remove Spare slot' }).click();
    await page
      .getByRole('dialog', { name: 'Remove “Spare slot” from the itinerary?' })
      .getByRole('button', { name: 'Remove the item' })
      .click();
    await itinerary.locator('ol.itinerary li', { hasText: 'Spare slot' }).waitFor({
      state: 'detached',
    });
  });

  it('lets a firm browse delegations, apply with its verified company and see its status', async () => {
    const page = firstPage;
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: 'Delegations', exact: true }).click();
    await page.getByRole('heading', { name: 'Trade delegations' }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await expect(
      section(page, 'Itinerary').locator('ol.itinerary li').first().innerText(),
    ).resolves.toContain('Welcome reception');
    await page.getByRole('button', { name: `Apply as ${firstName}` }).click();
    await applicationOf(page, firstName).getByText('Applied').waitFor();
    await applicationOf(page, firstName).getByText('An organiser will decide on it.').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add the itinerary to your calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('itinerary.ics');

    await secondPage.goto(`${url}${delegationPath}`);
    await secondPage.getByRole('button', { name: `Apply as ${secondName}` }).click();
    await applicationOf(secondPage, secondName).getByText('Applied').waitFor();
  });

  it('lets the organiser accept one, says clearly when full, and waitlist the other', async () => {
    const page = organiserPage;
    await page.reload();
    await applicationOf(page, firstName)
      .getByRole('button', { name: `Accept: ${firstName}` })
      .click();
    await applicationOf(page, firstName).getByText('Accepted').waitFor();
    await page.getByText('1 of 1 accepted').waitFor();
    await page.getByText('Full (1 place): new applications may be waitlisted').waitFor();

    await applicationOf(page, secondName)
      .getByRole('button', { name: `Accept: ${secondName}` })
      .click();
    await applicationOf(page, secondName)
      .getByRole('alert')
      .getByText('The delegation is full; waitlist the company instead.')
      .waitFor();
    await applicationOf(page, secondName)
      .getByRole('button', { name: `Waitlist: ${secondName}` })
      .click();
    await applicationOf(page, secondName).getByText('On the waitlist').waitFor();
    await page.getByText('2 applications · 1 of 1 accepted · 1 on the waitlist').waitFor();
    await page.getByText('1 waiting for a place').waitFor();
    await screenshot(page, 'delegation-organiser');

    // No reload: the decision reaches the firm's page over the live connection.
    await applicationOf(firstPage, firstName).getByText('Accepted').waitFor();
    await screenshot(firstPage, 'delegation-firm');
  });

  it('moves the waitlisted firm up when the accepted one withdraws', async () => {
    await applicationOf(firstPage, firstName)
      .getByRole('button', { name: 'Withdraw the application' })
      .click();
    // It says what will happen and asks first: a withdrawal is final.
    const dialog = firstPage.getByRole('dialog', {
      name: `Withdraw the application of ${firstName}?`,
    });
    await dialog.getByText(/gives up its accepted seat/).waitFor();
    await dialog.getByRole('button', { name: 'Withdraw for good' }).click();
    await applicationOf(firstPage, firstName).getByText('Withdrawn').waitFor();

    // No reload: the promotion from the waitlist reaches the page as it happens.
    await applicationOf(secondPage, secondName).getByText('Accepted').waitFor();
    await section(secondPage, 'Your application').getByText(secondName).first().waitFor();

    // The same page on a phone, in Traditional Chinese.
    await secondPage.setViewportSize({ width: 390, height: 844 });
    await secondPage.getByLabel('Language').selectOption('zh-Hant');
    await secondPage.getByRole('heading', { name: '行程' }).waitFor();
    await applicationOf(secondPage, secondName).getByText('已取錄').waitFor();
    await expect(secondPage.locator('ol.itinerary li').first().innerText()).resolves.toContain(
      'Helsinki 當地時間：下午6:00–晚上8:00（東歐時間）',
    );
    await screenshot(secondPage, 'delegation-phone-zh-hant');
  });

  it('lets the organiser edit the delegation', async () => {
    const page = organiserPage;
    await page.getByRole('link', { name: 'Edit delegation' }).click();
    await page.getByRole('heading', { name: `Edit ${title}` }).waitFor();
    await expect(page.getByLabel('City').inputValue()).resolves.toBe('Helsinki');
    await page.getByLabel('Places (companies)').fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('1 of 3 places taken, 2 left').waitFor();
  });

  it('offers no Apply to a firm of another country than the one the delegation travels from', async () => {
    const canadian = await client.signUp({ name: 'Sam Roy' });
    const name = `Moncton Mobile ${suffix}`;
    await client.verifiedCompany(canadian.accessToken, organiser.accessToken, {
      name,
      country: 'CA',
      city: 'Moncton',
      timezone: 'America/Moncton',
    });
    const page = await signedInPage(browser, canadian.accessToken);
    await page.goto(`${url}${delegationPath}`);
    await page.getByRole('heading', { name: title }).waitFor();
    await applicationOf(page, name)
      // Country names from the browser's Intl.DisplayNames ("Hong Kong" or "Hong Kong SAR China").
      .getByText(
        new RegExp(
          `^${name} is a company of Canada: only companies of Hong Kong[^,]*, where this delegation travels from, may apply.$`,
        ),
      )
      .waitFor();
    await expect(applicationOf(page, name).getByRole('button').count()).resolves.toBe(0);
    await page.close();
  });
});
