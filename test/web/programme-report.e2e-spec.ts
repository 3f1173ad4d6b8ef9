import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { TestClient } from '../support/client';
import { unique } from '../support/client';
import {
  closeWebStack,
  expectAccessible,
  expectNoEnglish,
  expectNoSidewaysScroll,
  PHONE,
  signedInPage,
  startWebStack,
} from './support';

/**
 * An officer prepares the programme report (issue 18, item 5): picks the year and the partner,
 * reads the figures beside the charts and the agreement due for renewal, downloads the CSV, sees
 * the page as it prints, on a phone and in Chinese.
 */
jest.setTimeout(90_000);

describe('web app: an officer prepares the programme report', () => {
  let app: NestFastifyApplication;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let page: Page;
  let token: string;
  let partnerId: string;
  let partnerName: string;
  const mouTitle = `ICT cooperation MOU ${unique('m').split('-').pop()}`;

  beforeAll(async () => {
    ({ app, url, client, browser } = await startWebStack({ worker: false }));
    const organiser = await client.organiser();
    token = organiser.accessToken;
    const db = app.get(DataSource);
    // A partner economy of its own (a code no real country has), a closed session in 2031 with
    // two firms and one meeting held, rated 4, and an agreement expiring in 60 days.
    for (;;) {
      const code = 'Q' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(Math.random() * 26)];
      partnerName = unique('Northern Economy');
      const rows = await db.query<{ id: string }[]>(
        `INSERT INTO partners (country, name) VALUES ($1, $2) ON CONFLICT (country) DO NOTHING RETURNING id`,
        [code, partnerName],
      );
      if (rows.length === 1) {
        partnerId = rows[0].id;
        break;
      }
    }
    const sessionId = await client.videoSession(token, Date.UTC(2031, 4, 5, 1, 0), 60);
    await db.query(`UPDATE sessions SET partner_id = $2, status = 'closed' WHERE id = $1`, [
      sessionId,
      partnerId,
    ]);
    const owner = await client.signUp();
    const firms: string[] = [];
    for (const name of ['Aurora Cards', 'Borealis Pay'])
      firms.push((await client.company(owner.accessToken, { name: unique(name) })).id);
    firms.sort();
    for (const firm of firms)
      await db.query(`INSERT INTO session_participants (session_id, company_id) VALUES ($1, $2)`, [
        sessionId,
        firm,
      ]);
    const [meeting] = await db.query<{ id: string }[]>(
      `INSERT INTO meetings (session_id, slot_index, company_a, company_b, status, origin)
       VALUES ($1, 0, $2, $3, 'held', 'score') RETURNING id`,
      [sessionId, firms[0], firms[1]],
    );
    await db.query(
      `INSERT INTO meeting_feedback (meeting_id, company_id, rating, outcome) VALUES ($1, $2, 4, 'agreement-signed')`,
      [meeting.id, firms[0]],
    );
    await db.query(
      `INSERT INTO agreements (partner_id, title, status, signed_on, expires_on)
       VALUES ($1, $2, 'active', '2026-01-01', (now() AT TIME ZONE 'UTC')::date + 60)`,
      [partnerId, mouTitle],
    );
  });

  afterAll(async () => {
    await closeWebStack({ app, browser });
  });

  it('chooses the year and the partner, and reads the figures and the agreement due', async () => {
    page = await signedInPage(browser, token);
    await page.goto(`${url}/organise/programme`);
    await page.getByRole('link', { name: 'Programme report' }).first().waitFor();
    await page.getByRole('combobox', { name: /^Year/ }).selectOption('2031');
    await page.getByRole('combobox', { name: /^Partner economy/ }).selectOption(partnerId);
    await page.waitForURL(/year=2031&partner=/);
    const due = page.getByRole('region', { name: 'Agreements due for renewal' });
    await due.getByText(mouTitle, { exact: false }).waitFor();
    const chart = page.getByRole('figure', { name: 'By partner economy, 2031' });
    // The partner's row beside the chart: 1 activity, 1 meeting held, 1 agreement signed.
    // (Read once the filtered figures are in: the page shows the whole year's first.)
    const row = async () =>
      (await chart.locator('tbody tr').first().locator('td').allInnerTexts()).map((s) => s.trim());
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      if ((await row()).join() === '1,1,1') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await row()).toEqual(['1', '1', '1']);
    const table = page.getByRole('table', { name: 'All the figures' });
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    // sessions, delegations, seminars, firms, meetings held, rating, ratings given, surveys
    // sent and answered, following up, negotiating, agreements signed.
    expect(cells.map((s) => s.trim())).toEqual([
      '1',
      '0',
      '0',
      '2',
      '1',
      '4',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    // The chart is drawn (Recharts' SVG), not only the table.
    expect(await chart.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'programme report');
  });

  it('downloads the CSV of what is shown', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('programme-report-2031.csv');
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain(partnerName);
    expect(text.split('\n')[0]).toContain('meetingsHeld');
  });

  it('prints without the navigation, titled with the year and the date', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    expect(title).toContain('Programme report, 2031');
    expect(await page.getByText(/^Printed on /).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('fits a phone and speaks Chinese', async () => {
    const phone = await signedInPage(browser, token, { ...PHONE, language: 'zh-Hant' });
    await phone.goto(`${url}/organise/programme?year=2031&partner=${partnerId}`);
    await phone.getByRole('region', { name: '需要續期的協議' }).waitFor();
    await phone.getByRole('table', { name: '全部數字' }).waitFor();
    await expectNoSidewaysScroll(phone);
    await expectNoEnglish(phone, 'programme report', [partnerName, mouTitle, 'CSV', 'TradeMatch']);
    await expectAccessible(phone, 'programme report on a phone');
    await phone.close();
  });
});
