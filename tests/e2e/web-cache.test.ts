/**
 * The website keeps the API's public answers in Next's data cache for API_CACHE_SECONDS
 * (web/lib/api/next-data-cache.ts): a counting proxy in front of the API shows which GraphQL
 * operations a page view costs the API.
 */
import { createServer, type Server } from 'node:http';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { startTestApp, type TestApp } from '../helpers/app';
import { startWeb, TEST_WEB_API_SECRET } from '../helpers/web';
import { launchChromium, withPage } from './support';

interface CountingProxy {
  url: string;
  /** The operation names the API was asked, in order. */
  asked: string[];
  close(): Promise<void>;
}

async function countingProxy(target: string): Promise<CountingProxy> {
  const asked: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method === 'POST') asked.push((JSON.parse(body.toString()) as { operationName?: string }).operationName ?? '(anonymous)');
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length' && name !== 'connection') headers.set(name, value);
    }
    const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
    res.writeHead(
      answer.status,
      Object.fromEntries([...answer.headers].filter(([name]) => name !== 'content-encoding' && name !== 'content-length')),
    );
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, asked, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let app: TestApp;
let proxy: CountingProxy;
beforeAll(async () => {
  app = await startTestApp({ seed: true, env: { WEB_API_SECRET: TEST_WEB_API_SECRET } });
  proxy = await countingProxy(app.graphqlUrl);
});
afterAll(async () => {
  await proxy?.close();
  await app?.close();
});

/** Loads a page of the site and returns the operations its view asked the API. */
async function view(siteUrl: string, path: string, status = 200): Promise<string[]> {
  const before = proxy.asked.length;
  const response = await fetch(siteUrl + path);
  await response.text();
  expect({ path, status: response.status }).toEqual({ path, status });
  return proxy.asked.slice(before);
}

const MISSING_POLL = '/en/polls/00000000-0000-4000-8000-000000000000';

test('a public page viewed twice costs the API its queries once; an answer with errors is never reused', async () => {
  // Long enough that nothing expires during the test, however slow the machine.
  const web = await startWeb(proxy.url, { env: { API_CACHE_SECONDS: '300' } });
  try {
    expect(await view(web.url, '/en/polls')).toContain('PollsPage');
    expect(await view(web.url, '/en/polls')).toEqual([]);
    // NOT_FOUND is an answer with GraphQL errors: every view asks again.
    expect(await view(web.url, MISSING_POLL, 404)).toContain('PollPage');
    expect(await view(web.url, MISSING_POLL, 404)).toContain('PollPage');
  } finally {
    await web.close();
  }
});

test('with API_CACHE_SECONDS=0 every view asks the API', async () => {
  const web = await startWeb(proxy.url, { env: { API_CACHE_SECONDS: '0' } });
  try {
    expect(await view(web.url, '/en/polls')).toContain('PollsPage');
    expect(await view(web.url, '/en/polls')).toContain('PollsPage');
  } finally {
    await web.close();
  }
});

test('a change made on the staff desk shows on the public pages at once, however long answers are kept', async () => {
  const web = await startWeb(proxy.url, { env: { API_CACHE_SECONDS: '300' } });
  const browser = await launchChromium();
  try {
    const { goals } = (
      await app.gql<{ goals: { edges: { node: { id: string; title: string } }[] } }>('{ goals(first: 1) { edges { node { id title } } } }')
    ).body.data!;
    const goal = goals.edges[0].node;
    const publicPage = async () => (await fetch(`${web.url}/goals/${goal.id}`)).text();
    expect(await publicPage()).toContain(goal.title);
    // Kept: a second view asks the API nothing.
    expect(await view(web.url, `/goals/${goal.id}`)).toEqual([]);

    const title = `${goal.title} (ویرایش‌شده)`;
    await withPage({ browser }, {}, async (page) => {
      await page.goto(`${web.url}/staff/goals/${goal.id}`);
      await page.waitForURL(/\/staff\/sign-in/);
      await page.getByLabel('ایمیل سازمانی').fill('editor@nabz.example');
      await page.getByLabel('گذرواژه').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ورود' }).click();
      await page.waitForURL((url) => url.pathname === `/staff/goals/${goal.id}`);
      await page.getByLabel('عنوان (فارسی)').fill(title);
      await page.getByRole('button', { name: 'ذخیره هدف' }).click();
      await page.waitForURL(/done=saved/);
    });
    expect(await publicPage()).toContain(title);
  } finally {
    await browser.close();
    await web.close();
  }
});
