import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { startWeb, TEST_WEB_API_SECRET, type RunningWeb } from '../helpers/web';

// Shared by the end-to-end files: the real API on a fresh, seeded database, the production build
// of web/ in front of it, and Debian's Chromium. Screenshots go to tests/e2e/screenshots/
// (git-ignored), for a person to look at after a run.

export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');
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
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
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

export async function withPage<T>(site: Site, options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await site.browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Opens a page of the site and checks its HTTP status. */
export async function open(site: Site, page: Page, pathAndQuery: string, status = 200): Promise<void> {
  const response = await page.goto(site.web.url + pathAndQuery);
  expect({ path: pathAndQuery, status: response?.status() }).toEqual({ path: pathAndQuery, status });
}

/**
 * Serious and critical axe-core violations (WCAG 2.1 A and AA, and best practices) on the page.
 * Every rule runs, in the page itself (legacy mode: the site has no frames), and only violations
 * come back with all their elements (axe's `resultTypes`). Run frame by frame, axe's partial
 * results, element by element, travelled to the test and back, and Playwright checking them was
 * most of a browser test's own CPU time.
 */
export async function seriousViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ page: label, rule: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
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
