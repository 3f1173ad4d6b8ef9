import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ERROR_CODES } from '../../src/common/error-codes.wire';
import { FIELD_RULES } from '../../src/common/field-rules.wire';
import { WEB_ROOT } from '../../src/web-app';
import { en } from '../../web/src/i18n/en';
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

/**
 * Saves a full-page screenshot as docs/screenshots/<name>.png, after checking the page with axe-core
 * (every screenshot is a state a user sees: none may have a serious or critical violation).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

let axeSource: string | undefined;

/** What axe-core found on a page: each serious or critical rule broken, with where. */
export interface AccessibilityFinding {
  rule: string;
  impact: string;
  help: string;
  where: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules and best practices) in the page and fails on any serious or
 * critical violation, naming the rule and the elements. axe is evaluated through DevTools, which
 * the app's CSP (no inline scripts) does not govern, so the page is checked under its real CSP.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const findings = await page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> };
      }
    ).axe;
    const result = await axe.run('html', { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        where: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
      }));
  });
  if (findings.length > 0)
    throw new Error(`${what}: accessibility (axe-core): ${JSON.stringify(findings, null, 1)}`);
}

/** A phone's window (an iPhone 12–15's). */
export const PHONE = { width: 390, height: 844 };

/**
 * Opens a browser context signed in with the given token (as the web app stores it), in
 * `language` when given (as the app remembers the language picked).
 */
export async function signedInPage(
  browser: Browser,
  token: string,
  options: {
    width?: number;
    height?: number;
    timezoneId?: string;
    locale?: string;
    language?: 'en' | 'zh-Hant';
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: options.height ?? 900 },
    timezoneId: options.timezoneId ?? 'Asia/Hong_Kong',
    locale: options.locale ?? 'en-GB',
  });
  await context.addInitScript(
    `localStorage.setItem('tradematch.token', ${JSON.stringify(token)});` +
      (options.language
        ? `localStorage.setItem('tradematch.language', ${JSON.stringify(options.language)});`
        : ''),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error('page error:', error));
  return page;
}

/** Nothing on the page is wider than the window (no sideways scrolling on a phone). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate<{
    scrollWidth: number;
    innerWidth: number;
  }>('({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })');
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
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

/** Chooses the app's language with the picker in the header (remembered for the next pages). */
export async function chooseLanguage(page: Page, language: 'en' | 'zh-Hant'): Promise<void> {
  await page.locator('select#language').selectOption(language);
  await pageCondition(page, `document.documentElement.lang === ${JSON.stringify(language)}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const whole = (words: readonly string[]) =>
  new RegExp(`(?<![\\w.])(?:${words.map(escape).join('|')})(?![\\w])`);

/**
 * What a page in Traditional Chinese must never show: the API's English ("must be"), names of
 * formats and standards, JavaScript's empty values, an error code, a rule name or a message key.
 */
const DEVELOPER_WORDS = [
  /must be|should be/i,
  /\b(?:ISO|IANA|undefined|null|NaN)\b|\[object /,
  whole(ERROR_CODES),
  whole(FIELD_RULES),
  new RegExp(
    `(?<![\\w@.-])(?:${[...new Set(Object.keys(en).map((key) => key.split('.')[0]))].join('|')})\\.[A-Za-z_]`,
  ),
];
/** Three Latin words in a row: an English phrase, once the names a test gave are taken out. */
const ENGLISH_PHRASE = /[A-Za-z][\w'’-]*(?:[ ,:]+[A-Za-z][\w'’-]*){2,}/;

/**
 * Fails when the page, in Traditional Chinese, shows developer words (`DEVELOPER_WORDS`) or an
 * English phrase. `names` are the test's own English data (firm names, titles, addresses, CSV
 * column names), which stay as typed; so does what the user typed in a text area. Of a list, only
 * the option chosen is read.
 */
export async function expectNoEnglish(
  page: Page,
  what: string,
  names: string[] = [],
): Promise<void> {
  const text = await page.evaluate<string>(`(() => {
    let text = document.body.innerText;
    for (const field of document.querySelectorAll('textarea'))
      if (field.value) text = text.split(field.value).join(' ');
    // What a drag announced to screen readers before the switch stays as it was said.
    for (const said of document.querySelectorAll('[id^="DndLiveRegion"]'))
      if (said.innerText) text = text.replace(said.innerText, ' ');
    // A closed list shows its chosen option only (time zones are listed by their IANA names).
    for (const list of document.querySelectorAll('select'))
      if (list.innerText) text = text.replace(list.innerText, list.selectedOptions[0]?.text ?? '');
    return text;
  })()`);
  let rest = text;
  for (const name of names.filter(Boolean).sort((a, b) => b.length - a.length))
    rest = rest.split(name).join(' ');
  const found = [
    ...DEVELOPER_WORDS.map((pattern) => pattern.exec(text)?.[0]),
    ENGLISH_PHRASE.exec(rest)?.[0],
  ].filter((word): word is string => word !== undefined);
  if (found.length > 0) {
    const lines = text.split('\n').filter((line) => found.some((word) => line.includes(word)));
    throw new Error(
      `${what}: English on a Chinese page: ${JSON.stringify(found)} in ${JSON.stringify(lines)}`,
    );
  }
}
