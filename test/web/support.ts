import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_ROOT } from '../../src/web-app';

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
