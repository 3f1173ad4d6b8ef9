import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { eventually } from '../support/app';
import type { TestClient } from '../support/client';
import { PASSWORD, unique } from '../support/client';
import { collect, LiveClients, request, until } from '../support/live';
import { atSlot } from '../support/session-clock';
import {
  chooseLanguage,
  closeWebStack,
  expectNoEnglish,
  screenshot,
  signedInPage,
  startWebStack,
} from './support';

/**
 * An organiser in the browser: signs in, creates a session, verifies a firm, imports companies
 * (one bad row), runs scoring and scheduling with their progress bars, marks a meeting held on
 * the schedule board, opens the report and its CSV, and acts for firms on their requests.
 */
// A browser, a worker and argon2 sign-ins on a 2-core machine shared with other suites.
jest.setTimeout(90_000);

describe('web app: an organiser runs a session', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let client: TestClient;
  let url: string;
  let browser: Browser;
  let page: Page;
  let organiserEmail: string;
  let organiserToken: string;
  let sessionId: string;
  const suffix = unique('o').split('-').pop()!;
  const sessionTitle = `Hong Kong – Canada fintech matching ${suffix}`;
  const pendingName = `Kowloon Pending Cards ${suffix}`;
  const hkName = `Victoria Harbour Payments ${suffix}`;
  const caName = `Maple Wallet ${suffix}`;
  const ca2Name = `Yukon Secure ${suffix}`;
  const firms: Record<string, { token: string; companyId: string }> = {};

  beforeAll(async () => {
    ({ app, url, client, worker, browser } = await startWebStack());
    // The admin creates the organiser, as on the product.
    const admin = await client.admin();
    organiserEmail = `${unique('organiser')}@example.org`;
    await client
      .as(admin.accessToken)
      .post('/api/users')
      .send({
        email: organiserEmail,
        password: PASSWORD,
        name: 'Grace Organiser',
        role: 'organiser',
      })
      .expect(201);
    organiserToken = (await client.signIn(organiserEmail)).accessToken;
    const firm = async (name: string, country: string, verified: boolean, extra = {}) => {
      const owner = await client.signUp();
      const profile = {
        name,
        country,
        city: country === 'HK' ? 'Hong Kong' : 'Toronto',
        timezone: country === 'HK' ? 'Asia/Hong_Kong' : 'America/Toronto',
        targetMarkets: [country === 'HK' ? 'CA' : 'HK'],
        ...extra,
      };
      const company = verified
        ? await client.verifiedCompany(owner.accessToken, organiserToken, profile)
        : await client.company(owner.accessToken, profile);
      firms[name] = { token: owner.accessToken, companyId: company.id };
    };
    await firm(pendingName, 'HK', false, { offers: ['contactless smart cards'] });
    await firm(hkName, 'HK', true, { offers: ['nfc payment terminals'] });
    await firm(caName, 'CA', true, {
      offers: ['distribution in north america'],
      seeks: ['nfc payment terminals'],
    });
    await firm(ca2Name, 'CA', true, {
      offers: ['retail partnerships'],
      seeks: ['contactless smart cards'],
    });
  });

  afterAll(async () => {
    await closeWebStack({ browser, worker, app });
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { name });
  // The test's own English: names, the title, the description and the addresses stay as typed.
  const ownWords = () => [
    sessionTitle,
    pendingName,
    hkName,
    caName,
    ca2Name,
    `Prairie Secure ${suffix}`,
    `Bad Row ${suffix}`,
    'Hong Kong payment firms meet Canadian partners.',
    organiserEmail,
  ];
  /** The page in Traditional Chinese, shown with `words` and no English, saved as `<name>-zh-Hant`. */
  const screenshotInChinese = async (
    on: Page,
    name: string,
    words: string[],
    extra: string[] = [],
  ) => {
    await chooseLanguage(on, 'zh-Hant');
    for (const word of words) await on.getByText(word).first().waitFor();
    await expectNoEnglish(on, name, [...ownWords(), ...extra]);
    await screenshot(on, `${name}-zh-Hant`);
    await chooseLanguage(on, 'en');
  };
  const organiseLink = () =>
    page
      .getByRole('navigation', { name: 'main' })
      .getByRole('link', { name: 'Organise', exact: true });

  it('signs in and lands on the organiser home', async () => {
    const context = await browser.newContext({
      viewport: { width: 1200, height: 900 },
      timezoneId: 'Asia/Hong_Kong',
      locale: 'en-GB',
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${url}/signin`);
    await page.getByLabel('Email').fill(organiserEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('Organise').waitFor();
    await organiseLink().waitFor();
    await page.getByRole('link', { name: /Verification queue \(\d+ waiting\)/ }).waitFor();
  });

  it('creates a session in Hong Kong time, with the API messages beside the fields', async () => {
    await page.getByRole('link', { name: 'New session' }).click();
    await heading('New session').waitFor();
    // Nothing filled in: the 400 names the fields, and each message shows beside its field.
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.locator('#title-error').waitFor();
    expect(await page.locator('#title-error').textContent()).toMatch(/\w/);
    expect(await page.locator('#startsAt-error').textContent()).toBe('Choose a date and time.');
    // Bad values too: every refused field says why at once, and the focus is on the first.
    await page.getByLabel('Starts').fill('2031-09-15T22:00');
    await page.getByLabel('Ends').fill('2031-09-15T21:00');
    await page.getByLabel('Slot length (minutes)').fill('0');
    await page.getByLabel('Most meetings per company').fill('0');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.locator('#slotMinutes-error').waitFor();
    await page.locator('#maxMeetingsPerCompany-error').waitFor();
    await page.locator('#endsAt-error').waitFor();
    await page.locator('#title-error').waitFor();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('title');
    await screenshot(page, 'organiser-new-session-errors');
    await screenshotInChinese(page, 'organiser-new-session-errors', [
      '新增配對會',
      '須為 3 至 200 個字元。',
      '須在開始之後。',
      '請選擇日期和時間。',
      '須為 5 或以上。',
    ]);

    await page.getByLabel('Title').fill(sessionTitle);
    await page.getByLabel('Description').fill('Hong Kong payment firms meet Canadian partners.');
    await page.getByLabel('Mode').selectOption('video');
    await page.getByLabel('Time zone of the times below').selectOption('Asia/Hong_Kong');
    // 22:00 in Hong Kong on 15 September 2031 is 14:00 UTC.
    await page.getByLabel('Starts').fill('2031-09-15T22:00');
    await page.getByLabel('Ends').fill('2031-09-16T00:00');
    await page.getByLabel('Meeting requests until').fill('2031-09-15T22:00');
    await page.getByLabel('Slot length (minutes)').fill('20');
    await page.getByLabel('Break between slots (minutes)').fill('0');
    await page.getByLabel('Most meetings per company').fill('1');
    await page.getByLabel('Side A countries').selectOption('HK');
    await page.getByLabel('Side B countries').selectOption('CA');
    await screenshot(page, 'organiser-new-session');
    await page.getByRole('button', { name: 'Create session' }).click();
    await heading(sessionTitle).waitFor();
    sessionId = /\/organise\/sessions\/([0-9a-f-]{36})$/.exec(page.url())![1];
    const session = await client.as(organiserToken).get(`/api/sessions/${sessionId}`).expect(200);
    expect(session.body).toMatchObject({
      status: 'open',
      mode: 'video',
      timezone: 'Asia/Hong_Kong',
      startsAt: '2031-09-15T14:00:00.000Z',
      endsAt: '2031-09-15T16:00:00.000Z',
      slotMinutes: 20,
      breakMinutes: 0,
      maxMeetingsPerCompany: 1,
      sides: [['HK'], ['CA']],
    });
    expect(session.body.slots).toHaveLength(6);
    await page.getByText('6 slots of 20 minutes, 0-minute breaks').waitFor();
  });

  it('edits the session: the form opens with its values in its own zone', async () => {
    await page.getByRole('link', { name: 'Edit session' }).click();
    await heading('Edit session').waitFor();
    expect(await page.getByLabel('Starts').inputValue()).toBe('2031-09-15T22:00');
    await page.getByLabel('Meeting requests until').fill('2031-09-16T00:00');
    await page.getByLabel('Most meetings per company').fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('#maxMeetingsPerCompany-error').waitFor();
    await page.getByLabel('Most meetings per company').fill('1');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(sessionTitle).waitFor();
    const session = await client.as(organiserToken).get(`/api/sessions/${sessionId}`).expect(200);
    expect(session.body.requestDeadline).toBe('2031-09-15T16:00:00.000Z');
  });

  it('verifies the pending firm from the verification queue', async () => {
    await organiseLink().click();
    await page.getByRole('link', { name: /Verification queue/ }).click();
    await heading('Companies').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill(pendingName);
    await page.getByRole('button', { name: 'Show companies' }).click();
    await heading('Waiting for verification (1)').waitFor();
    const card = page.getByRole('listitem').filter({ hasText: pendingName });
    await card.getByText('contactless smart cards').waitFor();
    await screenshot(page, 'organiser-verification');
    await page.getByRole('button', { name: `Verify ${pendingName}` }).click();
    // Decided: its card says so, or (once the live event reloads the queue) leaves the queue.
    await page
      .getByRole('button', { name: `Verify ${pendingName}` })
      .waitFor({ state: 'detached' });
    await eventually(async () => {
      const company = await client
        .as(organiserToken)
        .get(`/api/companies/${firms[pendingName].companyId}`)
        .expect(200);
      return company.body.status === 'verified' ? true : undefined;
    });

    // The directory filters by country and status.
    await page.getByRole('searchbox', { name: 'Search' }).fill(suffix);
    await page.getByLabel('Country', { exact: true }).selectOption('CA');
    await page.getByLabel('Status').selectOption('verified');
    await page.getByRole('button', { name: 'Show companies' }).click();
    await heading('Companies found (2)').waitFor();
    await page.getByRole('heading', { name: caName }).waitFor();
    await page.getByRole('heading', { name: ca2Name }).waitFor();
  });

  it('imports companies from a CSV file and shows the bad row with its fields', async () => {
    await organiseLink().click();
    await page.getByRole('link', { name: 'Import companies' }).click();
    await heading('Import companies').waitFor();
    const columns =
      'name,country,city,sectors,offers,seeks,partnerTypes,targetMarkets,languages,timezone,employees,ownerEmail,status';
    const csv = [
      columns,
      `Prairie Secure ${suffix},CA,Calgary,information-security,penetration testing,distribution in asia,reseller,HK;SG,en,America/Edmonton,10-49,,verified`,
      `Bad Row ${suffix},Canada,Ottawa,software,,,,,en,America/Toronto,lots,,`,
    ].join('\n');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'companies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Read from companies.csv').waitFor();
    expect(await page.getByLabel('Or paste the CSV here').inputValue()).toContain('Bad Row');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('1 of 2 rows imported, 1 refused.').waitFor();
    await page.getByText(`Row 2: Prairie Secure ${suffix}`).waitFor();
    const bad = page.locator('.import-errors li');
    await bad.getByText('Row 3:').waitFor();
    expect(await bad.locator('dt').allTextContents()).toEqual(
      expect.arrayContaining(['country', 'employees']),
    );
    await screenshot(page, 'organiser-import');
    // The CSV's column names stay as the file has them.
    await screenshotInChinese(
      page,
      'organiser-import',
      ['匯入公司', '下載範本', '被拒的行'],
      [columns, 'country', 'employees'],
    );
  });

  it('runs scoring and sees the progress bar reach 100 %', async () => {
    for (const name of [pendingName, hkName, caName, ca2Name]) {
      await client
        .as(firms[name].token)
        .post(`/api/sessions/${sessionId}/participants`)
        .send({ companyId: firms[name].companyId })
        .expect(201);
    }
    // The bar is fed by the live connection's job.progress events (GET /api/jobs/:id is polled
    // too, in case they are lost): the frames that reach the page are counted.
    const progressFrames: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"job.progress"'))
          progressFrames.push(payload);
      }),
    );
    await page.goto(`${url}/organise/sessions/${sessionId}`);
    await heading(sessionTitle).waitFor();
    await heading('Participants (4)').waitFor();
    await page.getByRole('cell', { name: caName, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Run scoring' }).click();
    await page.getByText('Done: 100 %').waitFor({ timeout: 45_000 });
    expect(await page.getByLabel('Scoring progress').getAttribute('value')).toBe('100');
    await until(() => progressFrames.some((frame) => frame.includes(sessionId)));
  });

  it('runs scheduling and shows the schedule board with the placement report', async () => {
    // Harbour asks both Canadian firms and both accept, but it may have one meeting only.
    const hk = firms[hkName];
    await client.acceptedRequest(sessionId, hk, firms[caName]);
    await client.acceptedRequest(sessionId, hk, firms[ca2Name]);
    await page.getByRole('button', { name: 'Run scheduling' }).click();
    // Requests are still open: the organiser is asked first.
    await page
      .getByRole('alertdialog')
      .getByText(/^Requests stay open until .*: requests made after this run will need another run/)
      .waitFor();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page
      .locator('.job')
      .filter({ hasText: 'Run scheduling' })
      .getByText('Done: 100 %')
      .waitFor({
        timeout: 45_000,
      });
    await screenshot(page, 'organiser-session');
    await screenshotInChinese(page, 'organiser-session', ['參加公司（4）', '執行排程', '加入公司']);
    await page
      .getByRole('link', { name: 'The schedule is published: open the schedule board' })
      .click();
    await heading('Schedule board').waitFor();
    await heading(/Meetings \(\d\)/).waitFor();
    // Times in the viewer's zone (Hong Kong): the first slot starts at 22:00.
    await page.getByRole('columnheader', { name: '22:00' }).waitFor();
    await page.getByText(/1 of 2 requested pairs placed \(50 %\)/).waitFor();
    await page.getByText('One of them already has the most meetings allowed.').waitFor();
  });

  it('moves a meeting on the board with the keyboard, then reviews and publishes a draft', async () => {
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: hkName }) });
    const handle = row.getByRole('button', { name: /^Move / });
    const cellName = async () =>
      (await row.getByRole('button', { name: /, Scheduled$/ }).getAttribute('aria-label')) ?? '';
    const before = await cellName();
    // What the drag says, for screen readers (visually hidden).
    const live = page.locator('[id^="DndLiveRegion"]');
    await handle.focus();
    await page.keyboard.press('Space');
    // Picked up, and at once over the cell it starts from.
    await eventually(async () =>
      /^(Picked up the meeting |The meeting .* is over )/.test((await live.textContent()) ?? '')
        ? true
        : undefined,
    );
    // Arrow keys move the meeting a little at a time, until it is over a free slot of the firm.
    const startTime = /at (.+), Scheduled$/.exec(before)?.[1];
    for (let step = 0; step < 30; step += 1) {
      await page.keyboard.press('ArrowRight');
      const over = new RegExp(`is over ${hkName} at (.+)\\.$`).exec(
        (await live.textContent()) ?? '',
      );
      if (over && over[1] !== startTime) break;
    }
    await page.keyboard.press('Space');
    await eventually(async () => ((await cellName()) !== before ? true : undefined));
    await screenshot(page, 'schedule-board-moved');

    // A draft: asked first (requests are open), shown on the board, published after asking.
    await page.getByRole('button', { name: 'Make a draft' }).click();
    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByText(/^Draft made /).waitFor({ timeout: 45_000 });
    expect(await page.getByLabel('Show the draft on the board').isChecked()).toBe(true);
    await page
      .getByText(/Against the published schedule: \d+ added, \d+ moved, \d+ removed\.$/)
      .waitFor();
    await screenshot(page, 'schedule-draft');
    await screenshotInChinese(page, 'schedule-draft', ['排程表', '發佈草稿']);
    await page.getByRole('button', { name: 'Publish the draft' }).click();
    await page
      .getByRole('dialog', { name: 'Publish the draft' })
      .getByText(/will be told/)
      .waitFor();
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    await page.getByText(/^Published: \d+ firms? (was|were) told\.$/).waitFor();
  });

  it('sends an announcement to the live room', async () => {
    const live = new LiveClients();
    try {
      const firmSocket = await live.connected(url, firms[caName].token);
      await request(firmSocket, 'session:join', { sessionId });
      const heard = collect<{ text: string }>(firmSocket, 'announcement');
      await page.getByRole('link', { name: '← Back to the session' }).click();
      await heading('Announcement to the live room').waitFor();
      await page
        .getByLabel('Message')
        .fill('Meetings start in five minutes: please take your seats.');
      await page.getByRole('button', { name: 'Send announcement' }).click();
      await page.getByText(/^Sent at /).waitFor();
      await until(() => heard.length > 0);
      expect(heard[0].text).toBe('Meetings start in five minutes: please take your seats.');
    } finally {
      live.closeAll();
    }
    await page
      .getByRole('navigation', { name: 'Session pages' })
      .getByText('Schedule board')
      .click();
    await heading('Schedule board').waitFor();
  });

  it('marks a meeting held on the board', async () => {
    const schedule = await client
      .as(organiserToken)
      .get(`/api/sessions/${sessionId}/schedule`)
      .expect(200);
    const meeting = (
      schedule.body.meetings as { id: string; companyIds: string[]; startsAt: string }[]
    ).find((candidate) => candidate.companyIds.includes(firms[hkName].companyId))!;
    const otherId = meeting.companyIds.find((id) => id !== firms[hkName].companyId)!;
    const other = Object.keys(firms).find((name) => firms[name].companyId === otherId)!;
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: hkName }) });
    const open = async () => {
      await row.getByRole('button', { name: new RegExp(`^${other} at .*, Scheduled$`) }).click();
      await heading(`${hkName} ↔ ${other}`)
        .or(heading(`${other} ↔ ${hkName}`))
        .waitFor();
    };
    await open();
    // Weeks ahead: cancelling is offered, held and no-show are not yet (meeting.not_begun).
    await page.getByText('It can be marked held or a no-show once it begins.').waitFor();
    await expect(page.getByRole('button', { name: 'Mark held' }).count()).resolves.toBe(0);
    await screenshot(page, 'schedule-board');
    // Saved first, then shown checked (the box shows what the API has).
    const keep = page.getByLabel('Keep in this slot when scheduling runs again');
    await keep.click();
    await eventually(async () => {
      const after = await client
        .as(organiserToken)
        .get(`/api/sessions/${sessionId}/schedule`)
        .expect(200);
      const fixed = (after.body.meetings as { id: string; fixed: boolean }[]).find(
        (candidate) => candidate.id === meeting.id,
      );
      return fixed?.fixed || undefined;
    });
    await eventually(async () => (await keep.isChecked()) || undefined);
    // The day comes (the session's clock moved so that the meeting's slot has begun).
    await atSlot(app.get(DataSource), sessionId, meeting.startsAt, async () => {
      await page.reload();
      await heading('Schedule board').waitFor();
      await open();
      await page.getByRole('button', { name: 'Mark held' }).click();
      await row.getByRole('button', { name: new RegExp(`^${other} at .*, Held$`) }).waitFor();
      await eventually(async () => {
        const after = await client
          .as(organiserToken)
          .get(`/api/sessions/${sessionId}/schedule`)
          .expect(200);
        const held = (after.body.meetings as { id: string; status: string }[]).find(
          (candidate) => candidate.id === meeting.id,
        );
        return held?.status === 'held' || undefined;
      });
    });
    // Both firms rate the meeting, for the report.
    const ratings = [
      { name: hkName, rating: 5, outcome: 'negotiating' },
      { name: other, rating: 4, outcome: 'follow-up' },
    ];
    for (const { name, rating, outcome } of ratings) {
      await client
        .as(firms[name].token)
        .post(`/api/meetings/${meeting.id}/feedback`)
        .send({ rating, outcome })
        .expect(201);
    }
  });

  it('opens the report with its charts and downloads the CSV', async () => {
    await page.getByRole('link', { name: '← Back to the session' }).click();
    await page.getByRole('navigation', { name: 'Session pages' }).getByText('Report').click();
    await heading('Report').waitFor();
    // What became of the meetings, then the ratings: never a rating beside "0 held".
    await page
      .getByText(/^\d+ meetings: 1 held, 0 no-shows, .* 2 ratings, 4\.5 on average/)
      .waitFor();
    const held = page.getByRole('figure', { name: 'Meetings held by country pair' });
    await held.getByRole('rowheader', { name: 'Canada–Hong Kong' }).waitFor();
    expect(await held.getByRole('cell').first().textContent()).toBe('1');
    const rating = page.getByRole('figure', { name: 'Average rating by country pair (1–5)' });
    expect(await rating.getByRole('cell').first().textContent()).toBe('4.5 (2)');
    const outcomes = page.getByRole('figure', { name: 'Outcomes reported' });
    expect(
      await outcomes
        .getByRole('row', { name: /Negotiating/ })
        .getByRole('cell')
        .textContent(),
    ).toBe('1');
    await screenshot(page, 'organiser-report');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const text = await readFile(await file.path(), 'utf8');
    // With a byte-order mark, for Excel.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = text.slice(1).trim().split('\n');
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['countryPair', 'scheduled', 'held', 'noShow', 'averageRating']),
    );
    const columns = header.split(',');
    const pair = lines.map((line) => line.split(',')).find((cells) => cells[0] === 'CA–HK')!;
    expect(pair[columns.indexOf('held')]).toBe('1');
    expect(lines.at(-1)!.startsWith('all,')).toBe(true);
    // And a row per meeting.
    const [meetingsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Meetings (CSV)' }).click(),
    ]);
    const meetingsText = await readFile(await meetingsFile.path(), 'utf8');
    expect(meetingsText.startsWith('\uFEFFdate,start,end,timezone,slot')).toBe(true);
    expect(meetingsText).toContain(',held,');
  });

  it('fits a phone, in Traditional Chinese', async () => {
    const phone = await signedInPage(browser, organiserToken, { width: 390, height: 844 });
    await phone.goto(`${url}/`);
    await phone.getByLabel('Language').selectOption('zh-Hant');
    await phone.goto(`${url}/organise/sessions/${sessionId}/schedule`);
    await phone.getByRole('heading', { name: '排程表' }).waitFor();
    await phone.getByRole('heading', { name: '編排報告' }).waitFor();
    // Nothing sticks out sideways: wide tables scroll inside the page.
    const overflow = await phone.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'schedule-board-phone-zh-hant');
    await phone.context().close();
  });
  it('acts for a firm: asks for a meeting in its name, and accepts it for the other firm', async () => {
    // Kowloon asks the Canadian firm the schedule gave it no meeting with (a pair with a meeting
    // has its answer: the meeting).
    const kowloon = firms[pendingName];
    const agenda = await client
      .as(kowloon.token)
      .get(`/api/sessions/${sessionId}/agenda`)
      .query({ companyId: kowloon.companyId })
      .expect(200);
    const met = new Set((agenda.body as { other: { id: string } }[]).map((item) => item.other.id));
    const otherName = [caName, ca2Name].find((name) => !met.has(firms[name].companyId))!;
    const other = firms[otherName];
    await page.goto(`${url}/organise/sessions/${sessionId}`);
    await heading(sessionTitle).waitFor();
    await page.getByRole('link', { name: `Act for ${pendingName}` }).click();
    await heading(`${pendingName} in “${sessionTitle}”`).waitFor();
    await page.getByText(`You are acting for ${pendingName} as an organiser.`).waitFor();
    // The reminder to verify the organiser's address would cover the screenshots.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    // The firm's own matches, requests and agenda.
    // Headed with the firm's name: the organiser reads whose matches these are.
    await heading(`${pendingName}’s best matches`).waitFor();
    await heading(`${pendingName}’s agenda`).waitFor();
    await page.getByRole('button', { name: `Request a meeting with ${otherName}` }).click();
    await page.getByLabel('Message (optional)').fill('Our cards for your shops?');
    await page.getByRole('button', { name: `Send request to ${otherName}` }).click();
    const sent = page.locator('li.request').filter({ hasText: `To ${otherName}` });
    await sent.getByText('Pending').waitFor();
    await screenshot(page, 'organiser-act-for-en');
    // Sent in the firm's name: the firm's own list shows it.
    const asked = await client
      .as(kowloon.token)
      .get(`/api/sessions/${sessionId}/requests`)
      .query({ companyId: kowloon.companyId })
      .expect(200);
    expect(asked.body.sent).toContainEqual(
      expect.objectContaining({
        toCompanyId: other.companyId,
        status: 'pending',
        message: 'Our cards for your shops?',
      }),
    );

    // Back to the organiser's view, and on to the other firm, to accept for it.
    await page.getByRole('link', { name: /Back to the organiser’s view/ }).click();
    await heading(sessionTitle).waitFor();
    await page.getByRole('link', { name: `Act for ${otherName}` }).click();
    await heading(`${otherName} in “${sessionTitle}”`).waitFor();
    await page.getByRole('button', { name: `Accept the request from ${pendingName}` }).click();
    await page
      .locator('li.request')
      .filter({ hasText: `From ${pendingName}` })
      .getByText(/^Accepted/)
      .waitFor();
    const answered = await client
      .as(kowloon.token)
      .get(`/api/sessions/${sessionId}/requests`)
      .query({ companyId: kowloon.companyId })
      .expect(200);
    expect(answered.body.sent).toContainEqual(
      expect.objectContaining({ toCompanyId: other.companyId, status: 'accepted' }),
    );

    // In Traditional Chinese, and at a phone's width with nothing sticking out sideways.
    const actFor = (companyId: string) => `${url}/organise/sessions/${sessionId}/act/${companyId}`;
    const chinese = await signedInPage(browser, organiserToken, { locale: 'zh-HK' });
    await chinese.addInitScript(`sessionStorage.setItem('tradematch.verifyBannerDismissed', '1')`);
    await chinese.goto(actFor(other.companyId));
    await chinese.getByText(`你正以主辦單位身分代 ${otherName} 操作。`).waitFor();
    await chinese.getByRole('heading', { name: '會面邀請' }).waitFor();
    await screenshot(chinese, 'organiser-act-for-zh-Hant');
    await chinese.context().close();
    const phone = await signedInPage(browser, organiserToken, { width: 390, height: 844 });
    await phone.addInitScript(`sessionStorage.setItem('tradematch.verifyBannerDismissed', '1')`);
    await phone.goto(actFor(kowloon.companyId));
    await phone.getByText(`You are acting for ${pendingName} as an organiser.`).waitFor();
    await phone.getByRole('heading', { name: 'Meeting requests' }).waitFor();
    const overflow = await phone.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'organiser-act-for-phone');
    await phone.context().close();
  });

  it('removes a participant after asking, and adds it back from the directory', async () => {
    await page.goto(`${url}/organise/sessions/${sessionId}`);
    await heading(sessionTitle).waitFor();
    await page.getByRole('button', { name: `Remove ${ca2Name} from the session` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${ca2Name} from the session?` });
    await dialog.getByText(/meeting requests not yet met are cancelled/).waitFor();
    await screenshot(page, 'organiser-remove-participant');
    await screenshotInChinese(page, 'organiser-remove-participant', [
      `將 ${ca2Name} 從配對會移除？`,
      '移除並取消其邀請',
    ]);
    await dialog.getByRole('button', { name: 'Remove and cancel its requests' }).click();
    await heading('Participants (3)').waitFor();
    await page.getByLabel('Search the directory').fill(ca2Name);
    await page.getByRole('button', { name: `Add ${ca2Name} to the session` }).click();
    await heading('Participants (4)').waitFor();
  });

  it('closes the session only after its title is typed, and undoes the close', async () => {
    await page.getByRole('button', { name: 'Close session' }).click();
    const dialog = page.getByRole('dialog', { name: `Close “${sessionTitle}”?` });
    const confirm = dialog.getByRole('button', { name: 'Close the session' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type “${sessionTitle}” to confirm`).fill(sessionTitle);
    await screenshot(page, 'organiser-close-session');
    await screenshotInChinese(page, 'organiser-close-session', [
      `請輸入「${sessionTitle}」以確認`,
      '結束配對會',
    ]);
    await confirm.click();
    await page.getByText(/Closed by mistake\? You can reopen it until/).waitFor();
    await page.getByRole('button', { name: 'Undo close' }).click();
    await page.getByRole('button', { name: 'Close session' }).waitFor();
    const read = await client.as(organiserToken).get(`/api/sessions/${sessionId}`).expect(200);
    expect(read.body.status).toBe('scheduled');
  });

  it('lets the admin find, create and disable accounts', async () => {
    const admin = await client.admin();
    const adminPage = await signedInPage(browser, admin.accessToken);
    await adminPage.goto(`${url}/`);
    await adminPage.getByRole('link', { name: 'Accounts' }).click();
    await adminPage.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    const email = `${unique('new-organiser')}@example.org`;
    await adminPage.getByLabel('Name', { exact: true }).fill('Henry Organiser');
    await adminPage.getByLabel('Email', { exact: true }).fill(email);
    await adminPage.getByLabel('First password').fill(PASSWORD);
    await adminPage.getByRole('button', { name: 'Create the account' }).click();
    await adminPage.getByText(`Account created for Henry Organiser (${email}).`).waitFor();
    await adminPage.getByLabel('Name or email').fill(email);
    await adminPage.getByRole('cell', { name: email }).waitFor();
    await adminPage.getByRole('button', { name: 'Disable the account of Henry Organiser' }).click();
    const dialog = adminPage.getByRole('dialog', {
      name: 'Disable the account of Henry Organiser?',
    });
    await screenshot(adminPage, 'admin-accounts');
    await chooseLanguage(adminPage, 'zh-Hant');
    await adminPage.getByRole('heading', { name: '帳戶管理', level: 1 }).waitFor();
    await adminPage.getByText('停用 Henry Organiser 的帳戶？').waitFor();
    await expectNoEnglish(adminPage, 'admin-accounts', ['Henry Organiser', 'Grace Organiser']);
    await screenshot(adminPage, 'admin-accounts-zh-Hant');
    await chooseLanguage(adminPage, 'en');
    await dialog.getByRole('button', { name: 'Disable the account' }).click();
    await adminPage
      .getByRole('button', { name: 'Enable the account of Henry Organiser' })
      .waitFor();
    await adminPage.context().close();
  });
});
