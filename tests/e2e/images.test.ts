import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { photoWithGps, SVG_WITH_SCRIPT, upload } from '../helpers/files';
import { api, DESKTOP, PHONE, screenshot, startSite, withPage, type Site } from './support';

// Images (issue 16 item 4) in the browser: a media officer uploads a photo with its alt text to a
// news item on its staff page, and the public news page shows it (next/image, from the site's own
// /files relay) and names it as the page's Open Graph image.

// Functions passed to page.evaluate run in the browser; the tests' TypeScript has no DOM library.
declare const document: any;

let site: Site;
let media: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nabz-e2e-uploads-'));
  site = await startSite({ env: { UPLOADS_DIR: dir } });
  media = await site.app.signIn('media');
}, 120_000);

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
}, 30_000);

test('a media officer uploads a photo with alt text to a news item and the public page shows it', async () => {
  const slug = `photo-news-${Date.now()}`;
  const { createPressRelease } = await api<{ createPressRelease: { pressRelease: { id: string } } }>(
    site,
    'mutation ($input: CreatePressReleaseInput!) { createPressRelease(input: $input) { pressRelease { id } } }',
    { input: { slug, titleFa: 'بازگشایی میدان شهر', bodyFa: 'میدان شهر پس از بازسازی بازگشایی شد.' } },
    media,
  );
  const id = createPressRelease.pressRelease.id;
  await api(
    site,
    'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { pressRelease { id } } }',
    { input: { id } },
    media,
  );
  const photo = await photoWithGps();

  await withPage(site, { viewport: DESKTOP, locale: 'fa-IR' }, async (page) => {
    await page.goto(`${site.web.url}/staff/media/releases/${id}`);
    await page.waitForURL(/\/staff\/sign-in/);
    await page.getByLabel('ایمیل سازمانی').fill('media@nabz.example');
    await page.getByLabel('گذرواژه').fill('nabz-demo-1405');
    await page.getByRole('button', { name: 'ورود' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/staff/media/releases/${id}`));

    const picker = page.locator('[data-image-picker]');
    // An SVG (with a script) is refused with the reason in Persian, and the alt text typed stays.
    await picker.getByLabel('پرونده تصویر').setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: SVG_WITH_SCRIPT });
    await picker.getByLabel('متن جایگزین (فارسی)').fill('نشان شهرداری');
    await picker.getByRole('button', { name: 'بارگذاری تصویر' }).click();
    await picker.getByRole('alert').filter({ hasText: 'SVG پذیرفته نمی‌شود' }).waitFor();
    expect(await picker.getByLabel('متن جایگزین (فارسی)').inputValue()).toBe('نشان شهرداری');
    await screenshot(page, 'images-staff-refused');

    await picker.getByLabel('پرونده تصویر').setInputFiles({ name: 'square.jpg', mimeType: 'image/jpeg', buffer: photo });
    await picker.getByLabel('متن جایگزین (فارسی)').fill('نمای میدان شهر پس از بازسازی');
    await picker.getByLabel(/متن جایگزین \(انگلیسی\)/).fill('The city square after renovation');
    await picker.getByRole('button', { name: 'بارگذاری تصویر' }).click();
    await page.waitForURL(/done=imageSaved/);
    await picker.getByRole('status').filter({ hasText: 'تصویر ذخیره شد.' }).waitFor();
    await picker.locator('img[alt="نمای میدان شهر پس از بازسازی"]').waitFor();
    await picker.getByRole('button', { name: 'برداشتن تصویر' }).waitFor();
    await screenshot(page, 'images-staff-release');
  });
  // Three WebP versions in the storage folder, nothing else.
  const stored = await readdir(path.join(dir, 'images'));
  expect(stored).toHaveLength(3);
  expect(stored.every((name) => /^[0-9a-f]{64}\.webp$/.test(name))).toBe(true);

  await withPage(site, { viewport: PHONE, locale: 'fa-IR', isMobile: true }, async (page) => {
    const response = await page.goto(`${site.web.url}/news/${slug}`);
    expect(response?.status()).toBe(200);
    const image = page.locator('figure.page__figure img');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('نمای میدان شهر پس از بازسازی');
    expect(await image.getAttribute('src')).toMatch(/^\/files\/images\/[0-9a-f]{64}\.webp$/);
    expect(await image.getAttribute('srcset')).toMatch(/\/files\/images\/[0-9a-f]{64}\.webp \d+w/);
    // The browser really loaded it (decoded, with its width), from the site's own origin.
    await page.waitForFunction(() => {
      const img = document.querySelector('figure.page__figure img');
      return img && img.complete && img.naturalWidth > 0;
    });
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(ogImage).toMatch(/\/files\/images\/[0-9a-f]{64}\.webp$/);
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBe('نمای میدان شهر پس از بازسازی');
    const file = await page.request.get(ogImage!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/webp');
    expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await screenshot(page, 'images-public-news');
  });

  await withPage(site, { viewport: PHONE, locale: 'en-GB', isMobile: true }, async (page) => {
    await page.goto(`${site.web.url}/en/news/${slug}`);
    const image = page.locator('figure.page__figure img');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('The city square after renovation');
  });
}, 120_000);

test('the public goal and event pages show their images too', async () => {
  const editor = await site.app.signIn('editor');
  const uploaded = await upload(site.app.url, await photoWithGps(), 'goal.jpg', { token: editor });
  expect(uploaded.status).toBe(201);
  const [{ id: goalId }] = await site.app.app.db.query(`SELECT id FROM goal WHERE status = 'ACTIVE' ORDER BY position LIMIT 1`);
  const [{ id: eventId }] = await site.app.app.db.query(`SELECT id FROM event WHERE status = 'PUBLISHED' ORDER BY starts_at LIMIT 1`);
  for (const [owner, targetId] of [
    ['Goal', goalId],
    ['Event', eventId],
  ])
    await api(
      site,
      `mutation ($input: AttachImageInput!) { attach${owner}Image(input: $input) { image { id } } }`,
      { input: { targetId, fileId: uploaded.body.file.id, altFa: `تصویر ${owner}` } },
      editor,
    );
  await withPage(site, { viewport: PHONE, locale: 'fa-IR', isMobile: true }, async (page) => {
    for (const [owner, pagePath] of [
      ['Goal', `/goals/${goalId}`],
      ['Event', `/events/${eventId}`],
    ]) {
      expect((await page.goto(site.web.url + pagePath))?.status()).toBe(200);
      const image = page.locator('figure.page__figure img');
      await image.waitFor();
      expect(await image.getAttribute('alt')).toBe(`تصویر ${owner}`);
      await page.waitForFunction(() => {
        const img = document.querySelector('figure.page__figure img');
        return img && img.complete && img.naturalWidth > 0;
      });
      expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/files\/images\/[0-9a-f]{64}\.webp$/);
    }
    await screenshot(page, 'images-public-event');
  });
}, 60_000);
