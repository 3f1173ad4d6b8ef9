import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { TestClient } from '../support/client';
import {
  closeWebStack,
  expectAccessible,
  expectNoEnglish,
  expectNoSidewaysScroll,
  screenshot,
  signedInPage,
  startWebStack,
} from './support';

jest.setTimeout(90_000);

/**
 * Partner economies in the browser: an organiser sees the list with the agreement due for
 * renewal first, opens it, renews it after confirming, and sees the history; the same pages in
 * Traditional Chinese at phone width, with no English left and nothing wider than the window.
 */
describe('web app: partner economies', () => {
  let app: NestFastifyApplication;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let token: string;
  let partnerId: string;

  beforeAll(async () => {
    ({ app, url, client, browser } = await startWebStack({ worker: false }));
    token = (await client.organiser()).accessToken;
    const org = client.as(token);
    // Canada and Finland are this suite's: another suite of the run may have made them (the fuzz,
    // the partners suite), so they go first.
    await app.get(DataSource).query(`DELETE FROM partners WHERE country IN ('CA', 'FI')`);
    partnerId = (
      await org
        .post('/api/partners')
        .send({
          country: 'CA',
          name: 'Canada',
          agencies: ['Industry Canada'],
          priorityAreas: ['e-commerce', 'e-government'],
        })
        .expect(201)
    ).body.id as string;
    const expiresOn = new Date(Date.now() + 90 * 24 * 3600_000).toISOString().slice(0, 10);
    await org
      .post(`/api/partners/${partnerId}/agreements`)
      .send({
        title: 'MOU on ICT cooperation',
        signedOn: '2021-05-18',
        expiresOn,
        counterpart: 'Industry Canada',
        forms: ['delegations', 'seminars', 'video-matching'],
        priorityAreas: ['e-commerce'],
        documentUrl: 'https://example.gc.ca/mou.pdf',
      })
      .expect(201);
    await org.post('/api/partners').send({ country: 'FI', name: 'Finland' }).expect(201);
  });

  afterAll(async () => {
    await closeWebStack({ browser, app });
  });

  it('shows the renewal due first, and renews it after asking', async () => {
    const page = await signedInPage(browser, token);
    await page.goto(`${url}/organise`);
    await page.getByRole('link', { name: 'Partner economies' }).click();
    await page.getByRole('heading', { name: 'Partner economies', level: 1 }).waitFor();
    const first = page.locator('li.partner').first();
    await first.getByText('Renewal due').waitFor();
    expect(await first.getAttribute('class')).toContain('renewal-due');
    await screenshot(page, 'partners-list');
    await first.getByRole('link', { name: 'Canada' }).click();
    await page.getByRole('heading', { name: /Canada/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Renew' }).click();
    await page.getByLabel('Signed on').fill('2026-12-01');
    await page.getByLabel('Expires on').fill('2031-11-30');
    await page.getByRole('button', { name: 'Record the renewal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'renewal confirmation');
    await dialog.getByRole('button', { name: 'Record the renewal' }).click();
    await page.getByText('Renewed by').waitFor();
    await page.getByText('Renews', { exact: true }).waitFor();
    await screenshot(page, 'partner-agreements');
  });

  it('works at phone width in Traditional Chinese', async () => {
    const page = await signedInPage(browser, token, {
      width: 375,
      height: 800,
      language: 'zh-Hant',
    });
    await page.goto(`${url}/organise/partners`);
    await page.getByRole('heading', { name: '合作夥伴經濟體', level: 1 }).waitFor();
    await expectNoSidewaysScroll(page);
    await page.goto(`${url}/organise/partners/${partnerId}`);
    await page.getByRole('heading', { name: '協議' }).waitFor();
    await page.getByRole('heading', { name: '活動' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoEnglish(page, 'partner page', [
      'Canada',
      'Industry Canada',
      'MOU on ICT cooperation',
    ]);
    await screenshot(page, 'partner-phone-zh-hant');
  });
});
