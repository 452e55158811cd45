import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { startWeb, TEST_WEB_API_SECRET, type RunningWeb } from '../helpers/web';

// Shared by the end-to-end files: the real API on a fresh, seeded database, the production build
// of web/ in front of it, and Debian's Chromium. Screenshots go to tests/e2e/screenshots/
// (git-ignored), for a person to look at after a run (not on CI: see `screenshot`).

const SCREENSHOTS = path.resolve(__dirname, 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const PERSIAN_MONTHS = /فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند/;

/**
 * The little of the browser's globals that functions run in the page use (this workspace is not
 * compiled with the DOM library). Pass waitForFunction a function, never a string: the site's
 * Content-Security-Policy forbids the eval a string predicate needs.
 */
interface PageElement {
  textContent: string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): unknown;
}
export interface PageGlobals {
  document: {
    title: string;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement> & ArrayLike<PageElement>;
    addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
  };
}

export interface Site {
  app: TestApp;
  web: RunningWeb;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(options: { env?: Record<string, string> } = {}): Promise<Site> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The API believes the website's signed visitor addresses, as in production.
  const app = await startTestApp({ seed: true, env: { WEB_API_SECRET: TEST_WEB_API_SECRET, ...options.env } });
  let web: RunningWeb | undefined;
  try {
    web = await startWeb(app.graphqlUrl);
    const browser = await launchChromium();
    return {
      app,
      web,
      browser,
      async close() {
        await browser.close();
        await web!.close();
        await app.close();
      },
    };
  } catch (error) {
    await web?.close();
    await app.close();
    throw error;
  }
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this project runs it with. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Idle pages by the browser they belong to and the options of their context (all but the viewport). */
const idlePages = new WeakMap<Browser, Map<string, Page[]>>();

/**
 * Lends `use` a page with a context of `options`, as a fresh context would be: no cookies, no
 * storage, no listeners, on a blank document. Pages are kept and lent again (each with the viewport
 * asked for), because a new context starts a new renderer process and parses the site's code
 * afresh, which made up most of a browser test's time; a page whose user failed or closed it is
 * not kept.
 */
export async function withPage<T>(site: { browser: Browser }, options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const { viewport, ...contextOptions } = options;
  const key = JSON.stringify(contextOptions);
  let pool = idlePages.get(site.browser);
  if (!pool) idlePages.set(site.browser, (pool = new Map()));
  const idle = pool.get(key) ?? [];
  pool.set(key, idle);
  const page = idle.pop() ?? (await (await site.browser.newContext(contextOptions)).newPage());
  await page.setViewportSize(viewport ?? { width: 1280, height: 720 });
  let result: T;
  try {
    result = await use(page);
  } catch (error) {
    await page.context().close();
    throw error;
  }
  if (await reset(page)) idle.push(page);
  return result;
}

/** Leaves a page as a new context's would be; false when it cannot be (then it is closed). */
async function reset(page: Page): Promise<boolean> {
  if (page.isClosed()) return false;
  try {
    await page.removeAllListeners();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.setExtraHTTPHeaders({});
    // The site keeps a verified respondent's token in the browser's storage.
    if (/^https?:/.test(page.url())) {
      await page.evaluate(() => {
        const g = globalThis as unknown as { localStorage: { clear(): void }; sessionStorage: { clear(): void } };
        g.localStorage.clear();
        g.sessionStorage.clear();
      });
    }
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.context().clearPermissions();
    return true;
  } catch {
    await page.context().close();
    return false;
  }
}

/** Opens a page of the site and checks its HTTP status. */
export async function open(site: Site, page: Page, pathAndQuery: string, status = 200): Promise<void> {
  const response = await page.goto(site.web.url + pathAndQuery);
  expect({ path: pathAndQuery, status: response?.status() }).toEqual({ path: pathAndQuery, status });
}

/** axe-core's browser build, read once per test file. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations'],
};

/**
 * Serious and critical axe-core violations (WCAG 2.1 A and AA, and best practices) on the page.
 * axe-core runs in the page itself through its own `axe.run` (the site has no frames), and only
 * the violations come back. Not through @axe-core/playwright: its frame-by-frame runner sends
 * every element's partial result to the test and back, and in its one-frame (legacy) mode it
 * evaluates axe-core's half-megabyte source in the page twice per check.
 */
export async function seriousViolations(page: Page, label: string) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (options) =>
      (globalThis as unknown as { axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> } }).axe
        .run((globalThis as unknown as { document: unknown }).document, options)
        .then((results) => results.violations),
    AXE_OPTIONS,
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ page: label, rule: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

/**
 * Screenshots are for a person to look at after a run: taken unless on CI, where nobody does
 * (full-page pictures are a good part of a browser test's time). SCREENSHOTS=1 or 0 decides either way.
 */
const TAKE_SCREENSHOTS = process.env.SCREENSHOTS ? process.env.SCREENSHOTS !== '0' : !process.env.CI;

/** Photographs the page (the whole page unless `fullPage` is false) into tests/e2e/screenshots/. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (TAKE_SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** POSTs GraphQL to the API, as a partner app would; throws on errors. */
export async function api<T>(site: Site, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await site.app.gql<T>(query, variables, token ? { token } : {});
  if (!response.body.data || response.body.errors?.length) {
    throw new Error(`API call failed: ${JSON.stringify(response.body.errors)}`);
  }
  return response.body.data;
}

export function fromPersianDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (digit) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(digit)));
}
