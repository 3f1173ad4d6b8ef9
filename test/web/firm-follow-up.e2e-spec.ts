import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { TestClient } from '../support/client';
import { unique, type Account } from '../support/client';
import { atSlot } from '../support/session-clock';
import {
  chooseLanguage,
  closeWebStack,
  expectNoEnglish,
  screenshot,
  signedInPage,
  startWebStack,
} from './support';

const START = Date.UTC(2031, 8, 15, 14, 0); // 22:00 in Hong Kong

// A browser, argon2 sign-ups and a scheduling job on a 2-core machine: steps may take a while.
jest.setTimeout(90_000);

/**
 * After the schedule: a firm gives feedback on a meeting that was held (and sees it as given),
 * cancels a meeting still to come, subscribes to its agenda as a calendar feed, and edits its
 * company profile.
 */
describe('web app: feedback, cancelling, the calendar feed and editing the company', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let page: Page;
  let organiser: Account;
  let hk: Account;
  let sessionId: string;
  let hkId: string;
  let heldId: string;
  let heldStartsAt: string;
  const suffix = unique('f').split('-').pop()!;
  const title = `Hong Kong – Canada follow-up day ${suffix}`;
  const hkName = `Tai Po Payments ${suffix}`;
  const heldName = `Regina Retail Tech ${suffix}`;
  const laterName = `Moncton Mobile ${suffix}`;

  beforeAll(async () => {
    ({ app, url, client, worker, browser } = await startWebStack());
    const [org, hkAccount, heldAccount, laterAccount] = await Promise.all([
      client.organiser(),
      client.signUp({ name: 'May Chan' }),
      client.signUp({ name: 'Ray Dubois' }),
      client.signUp({ name: 'Ann Roy' }),
    ]);
    organiser = org;
    hk = hkAccount;
    sessionId = await client.videoSession(organiser.accessToken, START, 60, {
      title,
      slotMinutes: 20,
    });
    const hkFirm = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
      name: hkName,
    });
    hkId = hkFirm.id;
    const firms: { token: string; companyId: string }[] = [];
    for (const [account, name, city] of [
      [heldAccount, heldName, 'Regina'],
      [laterAccount, laterName, 'Moncton'],
    ] as const) {
      const firm = await client.verifiedCompany(account.accessToken, organiser.accessToken, {
        name,
        country: 'CA',
        city,
        timezone: 'America/Toronto',
      });
      firms.push({ token: account.accessToken, companyId: firm.id });
    }
    for (const [token, companyId] of [
      [hk.accessToken, hkFirm.id],
      ...firms.map((firm) => [firm.token, firm.companyId]),
    ]) {
      await client
        .as(token)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId })
        .expect(201);
    }
    for (const firm of firms)
      await client.acceptedRequest(sessionId, { token: hk.accessToken, companyId: hkId }, firm);
    await client.runSchedule(organiser.accessToken, sessionId);
    const schedule = await client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/schedule`)
      .expect(200);
    const held = schedule.body.meetings.find((meeting: { companyIds: string[] }) =>
      meeting.companyIds.includes(firms[0].companyId),
    );
    heldId = held.id;
    heldStartsAt = held.startsAt;

    page = await signedInPage(browser, hk.accessToken);
  });

  afterAll(async () => {
    await closeWebStack({ browser, worker, app });
  });

  const agenda = () =>
    page.locator('section', { has: page.getByRole('heading', { name: 'Your agenda' }) });
  const meetingWith = (name: string) => agenda().locator('ol.agenda > li', { hasText: name });

  it('gives feedback on a meeting that was held, and shows it as given', async () => {
    await page.goto(`${url}/sessions/${sessionId}`);
    await meetingWith(heldName).waitFor();
    // Still to come (the day is years ahead): no feedback form until it begins.
    await meetingWith(heldName).getByRole('button', { name: 'Cancel meeting' }).waitFor();
    await expect(meetingWith(heldName).getByRole('form').count()).resolves.toBe(0);
    // The organiser marks it held once it began (the session's clock moved to its slot for
    // that); meeting.updated brings the form in without a reload.
    await atSlot(app.get(DataSource), sessionId, heldStartsAt, () =>
      client
        .as(organiser.accessToken)
        .patch(`/api/meetings/${heldId}`)
        .send({ status: 'held' })
        .expect(200),
    );
    await meetingWith(heldName).getByText('Held').waitFor();
    const form = meetingWith(heldName).getByRole('form', {
      name: `Feedback on the meeting with ${heldName}`,
    });
    // No rating chosen: the API's message sits by the rating.
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByText('Fill this in.').waitFor();
    await form.getByLabel('4', { exact: true }).check();
    await form.getByLabel('Outcome').selectOption('negotiating');
    await form.getByLabel('Comment (optional)').fill('Good fit for the Prairies.');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await meetingWith(heldName).getByText('Your feedback: 4/5 · Negotiating').waitFor();
    await expect(meetingWith(heldName).innerText()).resolves.toContain(
      'Good fit for the Prairies.',
    );
    await expect(form.count()).resolves.toBe(0);
    // Loaded afresh, it is still there.
    await page.reload();
    await meetingWith(heldName).getByText('Your feedback: 4/5 · Negotiating').waitFor();
    // A meeting still to come offers no feedback form.
    await expect(
      meetingWith(laterName).getByRole('button', { name: 'Send feedback' }).count(),
    ).resolves.toBe(0);
  });

  it('subscribes to the agenda: a feed address that calendar apps open without a token', async () => {
    await agenda().getByRole('button', { name: 'Subscribe in your calendar app' }).click();
    const address = await agenda().getByLabel('Calendar feed address').inputValue();
    expect(address).toMatch(new RegExp(`^${url}/api/calendar/agenda\\.ics\\?key=[\\w.%-]+$`));
    const webcal = await agenda()
      .getByRole('link', { name: 'Open in your calendar app (webcal)' })
      .getAttribute('href');
    expect(webcal).toBe(address.replace(/^http:/, 'webcal:'));
    await agenda().getByRole('button', { name: 'Copy' }).click();
    await agenda().getByRole('button', { name: 'Copied' }).waitFor();
    // As a calendar app would: no token at all.
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const calendar = await feed.text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain(`Meeting with ${heldName} (CA)`);
    await screenshot(page, 'agenda-feedback');

    // The same agenda in Traditional Chinese: the feedback given, the feed, no English left.
    await chooseLanguage(page, 'zh-Hant');
    await page.getByRole('heading', { name: '你的議程' }).waitFor();
    await page.getByText(/^你的評價：4\/5 · /).waitFor();
    await page.getByLabel('行事曆訂閱網址').waitFor();
    await expectNoEnglish(page, 'agenda-feedback', [
      title,
      hkName,
      heldName,
      laterName,
      'Good fit for the Prairies.',
      'May Chan',
    ]);
    await screenshot(page, 'agenda-feedback-zh-Hant');
    await chooseLanguage(page, 'en');
    await agenda().waitFor();
  });

  it('cancels a meeting still to come, after asking', async () => {
    await meetingWith(laterName).getByRole('button', { name: 'Cancel meeting' }).click();
    await meetingWith(laterName)
      .getByText(`Cancel the meeting with ${laterName}? Both slots become free.`)
      .waitFor();
    await meetingWith(laterName).getByRole('button', { name: 'Keep it' }).click();
    await meetingWith(laterName).getByRole('button', { name: 'Cancel meeting' }).click();
    await meetingWith(laterName).getByRole('button', { name: 'Yes, cancel it' }).click();
    await agenda().getByText(`The meeting with ${laterName} was cancelled.`).waitFor();
    await meetingWith(laterName).waitFor({ state: 'detached' });
    const mine = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/agenda?companyId=${hkId}`)
      .expect(200);
    expect(mine.body.map((item: { other: { name: string } }) => item.other.name)).toEqual([
      heldName,
    ]);
  });

  it('edits the company with the registration form, with field errors, and says it rescores', async () => {
    await page.getByRole('link', { name: 'My company', exact: true }).click();
    await page.getByRole('link', { name: `Edit ${hkName}` }).click();
    await page.getByRole('heading', { name: `Edit ${hkName}` }).waitFor();
    await page.getByText(/your matches are scored again in every session/).waitFor();
    // The form holds the profile as it is.
    await expect(page.getByLabel('City').inputValue()).resolves.toBe('Hong Kong');
    await expect(page.getByLabel('What you offer (comma-separated)').inputValue()).resolves.toBe(
      'nfc payment terminals',
    );
    await expect(page.getByLabel('Smart cards and payments').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Asia/Hong_Kong');

    // A time zone is chosen from a list, named in the UI's language; a city left empty is refused.
    await page.getByLabel('Time zone').selectOption('Asia/Hong_Kong');
    await page.getByLabel('City').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .locator('.field.invalid', { has: page.getByLabel('City') })
      .getByText(/Fill this in/)
      .waitFor();
    // The focus goes to the field to fix.
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('city');
    await screenshot(page, 'edit-company');

    await page.getByLabel('City').fill('Tai Po');
    await page
      .getByLabel('What you offer (comma-separated)')
      .fill('nfc payment terminals, QR payment kiosks');
    await page.getByLabel('Fintech').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`${hkName} is saved. Matches are being scored again.`).waitFor();
    const saved = await client.as(hk.accessToken).get(`/api/companies/${hkId}`).expect(200);
    expect(saved.body).toMatchObject({
      city: 'Tai Po',
      offers: ['nfc payment terminals', 'qr payment kiosks'],
      sectors: expect.arrayContaining(['smart-cards-payments', 'fintech']),
    });
  });
});
