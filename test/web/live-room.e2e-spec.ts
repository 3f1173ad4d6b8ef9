import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import { LiveGateway } from '../../src/live/live.gateway';
import type { TestClient } from '../support/client';
import { unique, type Account } from '../support/client';
import { LiveClients, request } from '../support/live';
import { screenshot, signedInPage, closeWebStack, startWebStack } from './support';

const MINUTE = 60_000;

// A browser, argon2 sign-ups and a session that goes live by itself: steps may take a while.
jest.setTimeout(90_000);

/**
 * The live room in the browser: the state of the join acknowledgement, presence as others come,
 * an organiser's announcement, the slot clock starting with the firm's meeting, and the
 * "reconnecting" banner when the connection drops and comes back.
 */
describe('web app: the live room', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let page: Page;
  const sockets = new LiveClients();
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let sessionId: string;
  let hkId: string;
  let caId: string;
  const suffix = unique('w').split('-').pop()!;
  const title = `Hong Kong – Canada live day ${suffix}`;
  const hkName = `Tsuen Wan Wireless ${suffix}`;
  const caName = `Ottawa Secure Payments ${suffix}`;

  beforeAll(async () => {
    ({ app, url, client, worker, browser } = await startWebStack());
    [organiser, hk, ca] = await Promise.all([
      client.organiser(),
      client.signUp({ name: 'Mei Wong' }),
      client.signUp({ name: 'Luc Tremblay' }),
    ]);
    const later = Date.now() + 60 * MINUTE;
    sessionId = await client.videoSession(organiser.accessToken, later, 30, { title });
    const hkFirm = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
      name: hkName,
    });
    const caFirm = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
      name: caName,
      country: 'CA',
      city: 'Ottawa',
      timezone: 'America/Toronto',
    });
    await client.join(hk.accessToken, sessionId, hkFirm.id);
    await client.join(ca.accessToken, sessionId, caFirm.id);
    hkId = hkFirm.id;
    caId = caFirm.id;
    await client.acceptedRequest(
      sessionId,
      { token: hk.accessToken, companyId: hkFirm.id },
      { token: ca.accessToken, companyId: caFirm.id },
    );
    // The day begins in a few seconds; the schedule puts the accepted pair in the first slot.
    const startsAt = Date.now() + 12_000;
    await client
      .as(organiser.accessToken)
      .patch(`/api/sessions/${sessionId}`)
      .send({
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 30 * MINUTE).toISOString(),
        requestDeadline: new Date(startsAt + 30 * MINUTE).toISOString(),
      })
      .expect(200);
    await client.runSchedule(organiser.accessToken, sessionId);

    page = await signedInPage(browser, hk.accessToken);
  });

  afterAll(async () => {
    sockets.closeAll();
    await closeWebStack({ browser, worker, app });
  });

  const section = (name: RegExp) =>
    page.locator('section', { has: page.getByRole('heading', { name }) });

  it('shows who is here, as they come', async () => {
    await page.goto(`${url}/sessions/${sessionId}/live`);
    await page.getByRole('heading', { name: `Live room: ${title}` }).waitFor();
    await section(/^Online now \(1\)$/).waitFor();
    // The count and the firm met (not here yet) at once; everyone else on request, by pages.
    await section(/^Online now/)
      .getByText('Nobody from the firms you meet is here yet.')
      .waitFor();
    await page.getByRole('button', { name: 'Show everyone online' }).click();
    await expect(section(/^Online now/).innerText()).resolves.toContain(`Mei Wong · ${hkName}`);

    const other = await sockets.connected(url, ca.accessToken);
    await request(other, 'session:join', { sessionId });
    await section(/^Online now \(2\)$/).waitFor();
    // The firm met arrives among the partners, and in the list shown.
    const partner = `Luc Tremblay · ${caName} (Canada)`;
    await expect(
      section(/^Online now/)
        .getByText(partner)
        .count(),
    ).resolves.toBe(2);
  });

  it('shows an organiser’s announcement when it is made', async () => {
    const organiserSocket = await sockets.connected(url, organiser.accessToken);
    await request(organiserSocket, 'session:join', { sessionId });
    const ack = await request(organiserSocket, 'announce', {
      sessionId,
      text: 'Welcome! The first meetings start in a moment.',
    });
    expect(ack).toMatchObject({ ok: true });
    await section(/^Announcements$/)
      .getByText('Welcome! The first meetings start in a moment.')
      .waitFor();
  });

  it('starts the slot clock when the first slot begins, with the firm’s meeting in it', async () => {
    await expect(section(/^Current slot$/).innerText()).resolves.toContain(
      `Next: with ${caName} (Canada)`,
    );
    // The session goes live by itself at its start: slot.started reaches the page.
    await section(/^Current slot$/)
      .getByText(/^Slot 1 ends in (9:[0-5]\d|10:00)$/)
      .waitFor({ timeout: 40_000 });
    await section(/^Current slot$/)
      .getByText(`Now: with ${caName} (Canada)`)
      .waitFor();
    await screenshot(page, 'live-room');
  });

  it('shows a request as it arrives; the pair already meets, so it takes no answer', async () => {
    const asked = await client
      .as(ca.accessToken)
      .post(`/api/sessions/${sessionId}/requests`)
      .send({ fromCompanyId: caId, toCompanyId: hkId, message: 'Another ten minutes later?' })
      .expect(201);
    const activity = section(/^Just now$/);
    const notice = activity.locator('li', {
      hasText: `New meeting request: ${caName} → ${hkName}`,
    });
    await notice.getByText('Another ten minutes later?').waitFor();
    // The two firms meet in slot 1 already (a pair meets once): no Accept or Decline, and why.
    await notice.getByText('A meeting with this firm is scheduled: see your agenda.').waitFor();
    await expect(notice.getByRole('button').count()).resolves.toBe(0);
    const refused = await client
      .as(hk.accessToken)
      .patch(`/api/sessions/${sessionId}/requests/${asked.body.id}`)
      .send({ status: 'accepted' })
      .expect(409);
    expect(refused.body.code).toBe('request.meeting_scheduled');
    const requests = await client
      .as(hk.accessToken)
      .get(`/api/sessions/${sessionId}/requests?companyId=${hkId}`)
      .expect(200);
    expect(
      requests.body.received.find(
        (request: { fromCompanyId: string }) => request.fromCompanyId === caId,
      ),
    ).toMatchObject({ status: 'pending', mutual: true, scheduled: true });
  });

  it('says it is reconnecting when the connection drops, and comes back by itself', async () => {
    const banner = page.getByText('Connection lost. Reconnecting…');
    // The server drops every transport (as a restart or a network cut would).
    for (const socket of app.get(LiveGateway).namespace.sockets.values()) socket.conn.close();
    await banner.waitFor({ state: 'visible' });
    await banner.waitFor({ state: 'hidden' });
    await section(/^Online now/).waitFor();
    await expect(section(/^Announcements$/).innerText()).resolves.toContain('Welcome!');
    await expect(section(/^Current slot$/).innerText()).resolves.toMatch(/Slot 1 ends in/);
  });
});
