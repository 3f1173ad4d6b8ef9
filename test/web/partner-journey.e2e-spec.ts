import type { Browser, Page } from 'playwright-core';
import { unique, type Account } from '../support/client';
import { closeWebStack, screenshot, signedInPage, startWebStack, type WebStack } from './support';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

/**
 * Issue 16 end to end, as a firm lives it: it finds a partner on the opportunities board, writes
 * to it, reads its reply live and its profile, says in the session whom it must meet and whom
 * not, asks for the meeting (the request's message joins the conversation), the partner accepts,
 * and the published agenda holds the meeting with the partner and none with the firm it turned
 * down, though that firm fits it and both have room.
 */
// A browser, the worker's scoring and scheduling, argon2 sign-ups on a 2-core machine.
jest.setTimeout(90_000);

describe('web app: a firm finds a partner on the board, writes to it and meets it', () => {
  let stack: WebStack;
  let browser: Browser;
  let url: string;
  let organiser: Account;
  let sessionId: string;
  const suffix = unique('p').split('-').pop()!;
  const sessionTitle = `Hong Kong – Canada payments ${suffix}`;
  const seekerName = `Lantau Contactless ${suffix}`;
  const partnerName = `Maple Ledger ${suffix}`;
  const declinedName = `Prairie Cards ${suffix}`;
  const postTitle = `Distribution across Canada for payment terminals ${suffix}`;
  const interest = 'Our NFC terminals, your channels in Canada: shall we talk?';
  const reply = 'Gladly. Book us in the Hong Kong – Canada session.';
  const requestMessage = 'As agreed in our messages: terminals for your retail chains.';
  let seeker: { id: string; token: string };
  let partner: { id: string; token: string };
  let declined: { id: string; token: string };
  let seekerPage: Page;
  let partnerPage: Page;

  beforeAll(async () => {
    stack = await startWebStack();
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
      targetMarkets: ['CA'],
    });
    const canadian = {
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      languages: ['en', 'fr'],
      sectors: ['fintech', 'smart-cards-payments'],
      seeks: ['nfc payment terminals'],
      partnerTypes: ['distributor'],
      targetMarkets: ['HK'],
    };
    partner = await firm({
      ...canadian,
      name: partnerName,
      offers: ['distribution in north america'],
    });
    // Fits the seeker too: without its "not interested", the scheduler would fill a slot with it.
    declined = await firm({ ...canadian, name: declinedName, offers: ['card issuing'] });
    await client
      .as(partner.token)
      .post('/api/opportunities')
      .send({
        kind: 'offer',
        companyId: partner.id,
        title: postTitle,
        description: 'Payment gateways and distribution for retail chains across Canada.',
        sectors: ['smart-cards-payments', 'fintech'],
        countries: ['HK'],
        partnerTypes: ['distributor'],
        deadline: new Date(Date.now() + 20 * DAY).toISOString(),
      })
      .expect(201);
    const startsAt = Date.now() + 10 * DAY;
    sessionId = await client.videoSession(organiser.accessToken, startsAt, 120, {
      title: sessionTitle,
      requestDeadline: new Date(startsAt - HOUR).toISOString(),
    });
    for (const company of [seeker, partner, declined])
      await client.join(company.token, sessionId, company.id);
    seekerPage = await signedInPage(browser, seeker.token);
    partnerPage = await signedInPage(browser, partner.token);
  });

  afterAll(() => closeWebStack(stack ?? {}));

  it('finds the partner on the board, writes to it, and reads its reply live', async () => {
    // The partner is elsewhere in the app before anything is written.
    await partnerPage.goto(`${url}/sessions`);
    await partnerPage.getByRole('link', { name: 'Messages', exact: true }).waitFor();

    await seekerPage.goto(`${url}/opportunities?q=${suffix}`);
    const first = seekerPage.locator('ol.opportunities > li').first();
    await expect(first.getByRole('heading').textContent()).resolves.toBe(postTitle);
    await first.locator('.reasons li').first().waitFor();
    await first.getByRole('link', { name: postTitle }).click();
    await seekerPage.getByRole('heading', { name: postTitle, level: 1 }).waitFor();
    await seekerPage.getByRole('button', { name: 'I’m interested' }).click();
    await seekerPage.getByLabel(`Message to ${partnerName}`).fill(interest);
    await seekerPage.getByRole('button', { name: 'Send', exact: true }).click();
    await seekerPage.getByText(`Your message went to ${partnerName}.`).waitFor();
    await seekerPage.getByRole('link', { name: 'Open the conversation' }).click();
    const seekerHistory = seekerPage.getByRole('list', { name: 'Messages of the conversation' });
    await seekerHistory.locator('li.mine', { hasText: interest }).waitFor();

    // The partner: the header counts it without a reload; it reads and answers.
    await partnerPage.getByRole('link', { name: 'Messages (1 unread)' }).click();
    await partnerPage
      .getByRole('link', { name: `Open the conversation with ${seekerName}` })
      .click();
    const partnerHistory = partnerPage.getByRole('list', { name: 'Messages of the conversation' });
    await partnerHistory.getByText(interest).waitFor();
    await partnerPage.getByLabel('Your message').fill(reply);
    await partnerPage.getByRole('button', { name: `Send the message to ${seekerName}` }).click();

    // The seeker's open thread has the reply live, and the partner's "Seen" follows.
    await seekerHistory.locator('li.theirs', { hasText: reply }).waitFor();
    await seekerHistory.locator('li.mine', { hasText: interest }).getByText('Seen').waitFor();
    await partnerHistory.locator('li.mine', { hasText: reply }).getByText('Seen').waitFor();

    // From the conversation to the partner's profile, with its local time.
    await seekerPage.locator('.thread-column').getByRole('link', { name: partnerName }).click();
    await seekerPage.getByRole('heading', { name: partnerName, level: 1 }).waitFor();
    await seekerPage.getByText(/^Their time now: .+ \(Eastern Time\)$/).waitFor();
    await seekerPage.getByText(sessionTitle).first().waitFor();
  });

  it('marks whom it must meet and whom not, asks the partner, and meets it', async () => {
    await seekerPage.goto(`${url}/sessions/${sessionId}`);
    await seekerPage.getByRole('heading', { name: 'Your best matches' }).waitFor();
    // The worker scores the participants in the background; the cards come when it is done.
    const partnerCard = seekerPage.locator('li.match', { hasText: partnerName });
    const declinedCard = seekerPage.locator('li.match', { hasText: declinedName });
    await partnerCard.waitFor({ timeout: 30_000 });
    await declinedCard.waitFor();
    await partnerCard.getByLabel(`Meet ${partnerName}?`).selectOption('must-meet');
    await declinedCard.getByLabel(`Meet ${declinedName}?`).selectOption('not-interested');
    // Hidden from the matches, until asked for.
    await declinedCard.waitFor({ state: 'detached' });
    await seekerPage.getByLabel('Show firms marked not interested').check();
    await expect(declinedCard.getByLabel(`Meet ${declinedName}?`).inputValue()).resolves.toBe(
      'not-interested',
    );
    await seekerPage.getByLabel('Show firms marked not interested').uncheck();
    await declinedCard.waitFor({ state: 'detached' });
    await expect(partnerCard.getByLabel(`Meet ${partnerName}?`).inputValue()).resolves.toBe(
      'must-meet',
    );
    await screenshot(seekerPage, 'partner-journey-matches');

    await partnerCard.getByRole('button', { name: 'Request a meeting' }).click();
    await partnerCard.getByLabel('Message (optional)').fill(requestMessage);
    await partnerCard.getByRole('button', { name: 'Send request' }).click();
    await partnerCard.getByText('Meeting requested').waitFor();

    // The partner accepts on its session page; the request's message is in their conversation.
    await partnerPage.goto(`${url}/sessions/${sessionId}`);
    const received = partnerPage.locator('li.request', { hasText: `From ${seekerName}` });
    await received.getByText(requestMessage).waitFor();
    await received.getByRole('button', { name: 'Accept' }).click();
    await partnerPage.locator('li.request', { hasText: 'Accepted' }).waitFor();
    const conversations = await stack.client
      .as(partner.token)
      .get(`/api/conversations?companyId=${partner.id}`)
      .expect(200);
    const pair = (conversations.body as { id: string; otherCompany: { id: string } }[]).find(
      (conversation) => conversation.otherCompany.id === seeker.id,
    )!;
    const history = await stack.client
      .as(partner.token)
      .get(`/api/conversations/${pair.id}/messages`)
      .expect(200);
    expect((history.body.items as { text: string }[]).map((message) => message.text)).toEqual([
      requestMessage,
      reply,
      interest,
    ]);

    // The schedule: the agenda (live, no reload) has the partner and not the declined firm.
    await stack.client.runSchedule(organiser.accessToken, sessionId);
    const meeting = seekerPage.locator('ol.agenda li', { hasText: partnerName });
    await meeting.waitFor();
    await expect(
      meeting.getByRole('link', { name: `Message ${partnerName}` }).count(),
    ).resolves.toBe(1);
    await expect(
      seekerPage.locator('ol.agenda li', { hasText: declinedName }).count(),
    ).resolves.toBe(0);
    await screenshot(seekerPage, 'partner-journey-agenda');
    const schedule = await stack.client
      .as(organiser.accessToken)
      .get(`/api/sessions/${sessionId}/schedule`)
      .expect(200);
    const pairs = (schedule.body.meetings as { companyIds: string[] }[]).map((m) =>
      [...m.companyIds].sort().join(),
    );
    expect(pairs).toContain([seeker.id, partner.id].sort().join());
    expect(pairs).not.toContain([seeker.id, declined.id].sort().join());
  });
});
