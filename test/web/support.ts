import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_ROOT } from '../../src/web-app';
import { startApi, startWorker } from '../support/app';
import { TestClient } from '../support/client';
import { listen } from '../support/live';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

/** Builds the web app when the run has no build of it yet (`npm test` builds it first). */
export function ensureWebBuild(): void {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: join(__dirname, '..', '..'),
    stdio: 'inherit',
  });
}

/** Debian's Chromium, headless, with fake camera and microphone for the video pages. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

/** Saves a full-page screenshot as docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens a browser context signed in with the given token (as the web app stores it). */
export async function signedInPage(
  browser: Browser,
  token: string,
  options: { width?: number; height?: number; timezoneId?: string; locale?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    timezoneId: options.timezoneId ?? 'Asia/Hong_Kong',
    locale: options.locale ?? 'en-GB',
  });
  await context.addInitScript(`localStorage.setItem('tradematch.token', ${JSON.stringify(token)})`);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error('page error:', error));
  return page;
}

/** What a browser suite runs against: the API listening at `url`, a worker, and Chromium. */
export interface WebStack {
  app: NestFastifyApplication;
  url: string;
  client: TestClient;
  worker: INestApplicationContext | undefined;
  browser: Browser;
}

/** Builds the web app if needed, starts the API (and a worker, unless told not to) and Chromium. */
export async function startWebStack({ worker = true } = {}): Promise<WebStack> {
  ensureWebBuild();
  const app = await startApi();
  const url = await listen(app);
  return {
    app,
    url,
    client: new TestClient(app),
    worker: worker ? await startWorker() : undefined,
    browser: await launchChromium(),
  };
}

/** Closes what `startWebStack` started (what started, if it failed half-way). */
export async function closeWebStack(stack: Partial<WebStack>): Promise<void> {
  await stack.browser?.close();
  await stack.worker?.close();
  await stack.app?.close();
}

/**
 * Waits until the JavaScript `expression` is true in the page. Unlike `page.waitForFunction`, whose polling
 * evaluates strings inside the page (refused by the app's CSP: no 'unsafe-eval'), each check is a
 * DevTools call, which the page's CSP does not govern.
 */
export async function pageCondition(
  page: Page,
  expression: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`page condition not met within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}
