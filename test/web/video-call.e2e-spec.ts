import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import type { TestClient } from '../support/client';
import { unique, type Account } from '../support/client';
import { closeWebStack, pageCondition, screenshot, signedInPage, startWebStack } from './support';

const MINUTE = 60_000;

// A browser with two contexts, argon2 sign-ups and a scheduling job: steps may take a while.
jest.setTimeout(90_000);

/**
 * The one-to-one video call of a video meeting: the two firms open the live room in two browser
 * contexts (fake camera and microphone), join the call before their meeting starts, and connect.
 */
/** The page's own camera preview shows frames. */
const localVideoPlays = `document.querySelector('video.local')?.videoWidth > 0`;

describe('web app: the video call', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let hkPage: Page;
  let caPage: Page;
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let sessionId: string;
  const suffix = unique('v').split('-').pop()!;
  const title = `Hong Kong – Canada video day ${suffix}`;
  const hkName = `Kwun Tong Optics ${suffix}`;
  const caName = `Halifax Ocean Data ${suffix}`;

  beforeAll(async () => {
    ({ app, url, client, worker, browser } = await startWebStack());
    [organiser, hk, ca] = await Promise.all([
      client.organiser(),
      client.signUp({ name: 'Ada Chan' }),
      client.signUp({ name: 'Sam MacLeod' }),
    ]);
    // The day starts in an hour: the firms test the call before their meeting.
    const startsAt = Date.now() + 60 * MINUTE;
    sessionId = await client.videoSession(organiser.accessToken, startsAt, 30, { title });
    const hkFirm = await client.verifiedCompany(hk.accessToken, organiser.accessToken, {
      name: hkName,
    });
    const caFirm = await client.verifiedCompany(ca.accessToken, organiser.accessToken, {
      name: caName,
      country: 'CA',
      city: 'Halifax',
      timezone: 'America/Halifax',
    });
    await client.join(hk.accessToken, sessionId, hkFirm.id);
    await client.join(ca.accessToken, sessionId, caFirm.id);
    await client.acceptedRequest(
      sessionId,
      { token: hk.accessToken, companyId: hkFirm.id },
      { token: ca.accessToken, companyId: caFirm.id },
    );
    await client.runSchedule(organiser.accessToken, sessionId);

    hkPage = await signedInPage(browser, hk.accessToken);
    caPage = await signedInPage(browser, ca.accessToken, {
      width: 390,
      height: 844,
      timezoneId: 'America/Halifax',
    });
  });

  afterAll(async () => {
    await closeWebStack({ browser, worker, app });
  });

  const callPanel = (page: Page) =>
    page.locator('section', { has: page.getByRole('heading', { name: 'Video call' }) });
  const peerState = (page: Page) => callPanel(page).getAttribute('data-peer-state');

  it('shows the call panel and waits for the other firm', async () => {
    await hkPage.goto(`${url}/sessions/${sessionId}/live`);
    await callPanel(hkPage).waitFor();
    await expect(callPanel(hkPage).innerText()).resolves.toContain(
      `Your meeting with ${caName} (Canada)`,
    );
    await callPanel(hkPage).getByRole('button', { name: 'Join call' }).click();
    await callPanel(hkPage).getByText(`Waiting for ${caName} to join…`).waitFor();
    // The local preview plays the (fake) camera.
    await pageCondition(hkPage, localVideoPlays);
  });

  it('connects both firms when the other joins, each seeing the other’s video', async () => {
    await caPage.goto(`${url}/sessions/${sessionId}/live`);
    await callPanel(caPage).getByRole('button', { name: 'Join call' }).click();
    for (const [page, other] of [
      [hkPage, caName],
      [caPage, hkName],
    ] as const) {
      await page.locator('section[data-peer-state="connected"]').waitFor();
      await callPanel(page).getByText(`Connected to ${other}`).waitFor();
      // The remote video has the other side's camera track, and plays it.
      await pageCondition(
        page,
        `(() => {
          const video = document.querySelector('video.remote');
          return video?.srcObject?.getVideoTracks().length > 0 && video.videoWidth > 0;
        })()`,
      );
    }
    await expect(peerState(hkPage)).resolves.toBe('connected');
    await expect(peerState(caPage)).resolves.toBe('connected');
    await screenshot(hkPage, 'video-call');
    await screenshot(caPage, 'video-call-phone');
  });

  it('turns the camera off and on', async () => {
    const localVideoEnabled = () =>
      hkPage.evaluate<boolean | undefined>(
        `document.querySelector('video.local')?.srcObject?.getVideoTracks()[0]?.enabled`,
      );
    await callPanel(hkPage).getByRole('button', { name: 'Turn camera off' }).click();
    await expect(localVideoEnabled()).resolves.toBe(false);
    await callPanel(hkPage).getByRole('button', { name: 'Turn camera on' }).click();
    await expect(localVideoEnabled()).resolves.toBe(true);
  });

  it('says so when the camera and microphone are refused', async () => {
    const refused = await signedInPage(browser, ca.accessToken);
    // As a browser does when the user blocks the camera.
    await refused.addInitScript(`navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))`);
    await refused.goto(`${url}/sessions/${sessionId}/live`);
    await callPanel(refused).getByRole('button', { name: 'Join call' }).click();
    await callPanel(refused)
      .getByRole('alert')
      .getByText(/^Camera and microphone access was refused/)
      .waitFor();
    await refused.context().close();
  });

  it('tells the other firm when one hangs up', async () => {
    await callPanel(caPage).getByRole('button', { name: 'Hang up' }).click();
    await callPanel(hkPage).getByText(`${caName} left the call.`).waitFor();
    await callPanel(caPage).getByRole('button', { name: 'Join call' }).waitFor();
  });

  it('joins again after a hang-up, and says when the other firm closes its page', async () => {
    await callPanel(caPage).getByRole('button', { name: 'Join call' }).click();
    await hkPage.locator('section[data-peer-state="connected"]').waitFor();
    await caPage.locator('section[data-peer-state="connected"]').waitFor();
    await caPage.close({ runBeforeUnload: true });
    await callPanel(hkPage).getByText(`${caName} left the call.`).waitFor();
    await callPanel(hkPage).getByText(`Waiting for ${caName} to join…`).waitFor();
  });

  it('reaches Join, camera, microphone and hang-up with the keyboard alone', async () => {
    const page = await signedInPage(browser, hk.accessToken);
    await page.goto(`${url}/sessions/${sessionId}/live`);
    await callPanel(page).getByRole('button', { name: 'Join call' }).waitFor();
    const focused = () =>
      page.evaluate<string>(`document.activeElement?.textContent?.trim() ?? ''`);
    // Tab through the page (it wraps around) until the control is focused, then press Enter.
    const tabToAndPress = async (name: string) => {
      for (let step = 0; step < 80; step += 1) {
        await page.keyboard.press('Tab');
        if ((await focused()) === name) return page.keyboard.press('Enter');
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabToAndPress('Join call');
    await callPanel(page).getByRole('button', { name: 'Hang up' }).waitFor();
    await tabToAndPress('Turn camera off');
    await callPanel(page).getByRole('button', { name: 'Turn camera on' }).waitFor();
    await tabToAndPress('Mute microphone');
    await callPanel(page).getByRole('button', { name: 'Unmute microphone' }).waitFor();
    await tabToAndPress('Hang up');
    await callPanel(page).getByRole('button', { name: 'Join call' }).waitFor();
    await page.context().close();
  });

  it('speaks Traditional Chinese when the browser does', async () => {
    const page = await signedInPage(browser, ca.accessToken, {
      locale: 'zh-HK',
      timezoneId: 'America/Halifax',
    });
    await page.goto(`${url}/sessions/${sessionId}/live`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: '視像通話' }) });
    await panel.getByText(`你與 ${hkName}（香港）的會面`).waitFor();
    await panel.getByRole('button', { name: '加入通話' }).click();
    await panel.getByRole('button', { name: '關閉鏡頭' }).waitFor();
    await panel.getByRole('button', { name: '關閉咪高峰' }).waitFor();
    await panel.getByRole('button', { name: '掛斷' }).waitFor();
    await pageCondition(page, localVideoPlays);
    await screenshot(page, 'video-call-zh-hant');
    await panel.getByRole('button', { name: '掛斷' }).click();
    await page.context().close();
  });
  it('stops offering the call the moment the organisers close the session, and again if they undo it', async () => {
    const page = await signedInPage(browser, hk.accessToken);
    await page.goto(`${url}/sessions/${sessionId}/live`);
    await callPanel(page).getByRole('button', { name: 'Join call' }).waitFor();
    const move = (status: string) =>
      client
        .as(organiser.accessToken)
        .patch(`/api/sessions/${sessionId}`)
        .send({ status })
        .expect(200);
    const before = (await move('closed')).body.previousStatus as string;
    // No reload: session.updated reaches the open room.
    await page.getByText('This session is closed: its meetings and calls are over.').waitFor();
    await page.getByRole('heading', { name: 'Video call' }).waitFor({ state: 'detached' });
    await move(before);
    await callPanel(page).getByRole('button', { name: 'Join call' }).waitFor();
    await page.context().close();
  });
});
