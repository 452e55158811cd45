import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../helpers/app';
import { insertRelease, NO_SUCH_ID } from '../helpers/media';
import { photoWithGps, pngBomb, SCRIPT_NAMED_JPG, SVG_WITH_SCRIPT, tinyPdf, upload } from '../helpers/files';

// Images and attachments (issue 16 item 4) over real HTTP: upload → attach → public API → GET the
// file, and every hostile file refused with nothing stored (neither in the folder nor in the database).

const IMAGE_MAX = 200_000;
const PDF_MAX = 300_000;

let t: TestApp;
let dir: string;
let media: string;
let editor: string;
let analyst: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nabz-uploads-'));
  t = await startTestApp({
    seed: true,
    env: { UPLOADS_DIR: dir, UPLOAD_IMAGE_MAX_BYTES: String(IMAGE_MAX), UPLOAD_PDF_MAX_BYTES: String(PDF_MAX) },
  });
  [media, editor, analyst] = await Promise.all([t.signIn('media'), t.signIn('editor'), t.signIn('analyst')]);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every object in the storage folder, as keys. */
async function storedKeys(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
const fileRows = async () => Number((await t.app.db.query(`SELECT count(*)::int AS n FROM stored_file`))[0].n);
/** The file's URL on this test server (the configured public URL names another port). */
const local = (url: string) => `${t.url}${new URL(url).pathname}`;

const attach = (target: 'News' | 'Event' | 'Goal' | 'District') =>
  `mutation ($input: AttachImageInput!) { attach${target}Image(input: $input) { image { id url width height alt sources { url width height } } } }`;
const NEWS_ITEM = `query ($slug: String!) { newsItem(slug: $slug) { id image { id url width height contentType alt altTranslations { fa en } sources { url width height } } document { url fileName byteSize } } }`;

describe('an image from upload to the public news page', () => {
  it('is re-encoded as WebP at 320/640/1280 without EXIF or GPS, attached with its alt text, and served immutable', async () => {
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif?.includes(Buffer.from('TestCam'))).toBe(true);

    const up = await upload(t.url, photo, 'camera photo.jpg', { token: media, contentType: 'image/jpeg' });
    expect(up.status).toBe(201);
    expect(up.body.file).toMatchObject({
      kind: 'IMAGE',
      contentType: 'image/webp',
      width: 1280,
      height: 720,
      fileName: 'camera photo.jpg',
    });
    expect(await storedKeys()).toHaveLength(3);

    const slug = `with-photo-${Date.now()}`;
    const releaseId = await insertRelease(t, 'PUBLISHED', slug);
    const attached = await t.gql(
      attach('News'),
      { input: { targetId: releaseId, fileId: up.body.file.id, altFa: 'نمای میدان شهر', altEn: 'The city square' } },
      { token: media },
    );
    expect(attached.body.errors).toBeUndefined();

    const fa = await t.gql(NEWS_ITEM, { slug });
    const image = fa.body.data!.newsItem.image;
    expect(image).toMatchObject({ id: up.body.file.id, width: 1280, height: 720, contentType: 'image/webp', alt: 'نمای میدان شهر' });
    expect(image.altTranslations).toEqual({ fa: 'نمای میدان شهر', en: 'The city square' });
    expect(image.sources.map((s: any) => [s.width, s.height])).toEqual([
      [320, 180],
      [640, 360],
      [1280, 720],
    ]);
    expect(image.url).toBe(image.sources[2].url);
    const en = await t.gql(NEWS_ITEM, { slug }, { headers: { 'accept-language': 'en' } });
    expect(en.body.data!.newsItem.image.alt).toBe('The city square');

    for (const source of image.sources) {
      expect(source.url).toMatch(/\/files\/images\/[0-9a-f]{64}\.webp$/);
      const res = await fetch(local(source.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: source.width, height: source.height });
      // No metadata at all survives: no EXIF (so no GPS), no XMP, no IPTC.
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);
      expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
    }

    const audit = await t.app.db.query(`SELECT action, entity_type FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY at`, [
      up.body.file.id,
      releaseId,
    ]);
    expect(audit.map((r: any) => [r.action, r.entity_type])).toEqual([
      ['uploadFile', 'StoredFile'],
      ['attachFile', 'PressRelease'],
    ]);
  });

  it('answers 404 for a key it does not hold, or a path that is no key', async () => {
    expect((await fetch(`${t.url}/files/images/${'0'.repeat(64)}.webp`)).status).toBe(404);
    expect((await fetch(`${t.url}/files/../package.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/files/images/x.svg`)).status).toBe(404);
  });

  it('requires Persian alt text, the right role, and a file of the right kind', async () => {
    const up = await upload(t.url, await photoWithGps(), 'a.jpg', { token: editor });
    expect(up.status).toBe(201);
    const releaseId = await insertRelease(t, 'PUBLISHED');
    const goalId = (await t.app.db.query(`SELECT id FROM goal LIMIT 1`))[0].id;

    const noAlt = await t.gql(attach('Goal'), { input: { targetId: goalId, fileId: up.body.file.id, altFa: '  ' } }, { token: editor });
    expect(noAlt.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.altFa' });

    const editorOnNews = await t.gql(
      attach('News'),
      { input: { targetId: releaseId, fileId: up.body.file.id, altFa: 'عکس' } },
      { token: editor },
    );
    expect(editorOnNews.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const noSuchGoal = await t.gql(
      attach('Goal'),
      { input: { targetId: NO_SUCH_ID, fileId: up.body.file.id, altFa: 'عکس' } },
      { token: editor },
    );
    expect(noSuchGoal.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const pdf = await upload(t.url, tinyPdf(), 'kit.pdf', { token: media });
    expect(pdf.status).toBe(201);
    const pdfAsImage = await t.gql(
      attach('Goal'),
      { input: { targetId: goalId, fileId: pdf.body.file.id, altFa: 'عکس' } },
      { token: editor },
    );
    expect(pdfAsImage.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fileId' });

    const ok = await t.gql(attach('Goal'), { input: { targetId: goalId, fileId: up.body.file.id, altFa: 'عکس هدف' } }, { token: editor });
    expect(ok.body.errors).toBeUndefined();
    const goal = await t.gql(`query ($id: ID!) { goal(id: $id) { image { alt(locale: EN) } } }`, { id: goalId });
    expect(goal.body.data!.goal.image.alt).toBe('عکس هدف');

    const detach = `mutation ($input: DetachImageInput!) { detachGoalImage(input: $input) { detached } }`;
    expect((await t.gql(detach, { input: { targetId: goalId } }, { token: editor })).body.data!.detachGoalImage.detached).toBe(true);
    expect((await t.gql(detach, { input: { targetId: goalId } }, { token: editor })).body.data!.detachGoalImage.detached).toBe(false);
    const after = await t.gql(`query ($id: ID!) { goal(id: $id) { image { id } } }`, { id: goalId });
    expect(after.body.data!.goal.image).toBeNull();
  });
});

describe('a PDF on a press release', () => {
  it('is kept as sent, attached, shown on the news item and served as application/pdf', async () => {
    const bytes = tinyPdf();
    const up = await upload(t.url, bytes, '../../etc/بیانیه.pdf', { token: media });
    expect(up.status).toBe(201);
    expect(up.body.file).toMatchObject({ kind: 'PDF', contentType: 'application/pdf', byteSize: bytes.length, fileName: 'بیانیه.pdf' });
    const slug = `with-pdf-${Date.now()}`;
    const releaseId = await insertRelease(t, 'PUBLISHED', slug);
    const attached = await t.gql(
      `mutation ($input: AttachPressReleasePdfInput!) { attachPressReleasePdf(input: $input) { document { url fileName } } }`,
      { input: { pressReleaseId: releaseId, fileId: up.body.file.id } },
      { token: media },
    );
    expect(attached.body.errors).toBeUndefined();
    const item = await t.gql(NEWS_ITEM, { slug });
    const document = item.body.data!.newsItem.document;
    expect(document).toMatchObject({ fileName: 'بیانیه.pdf', byteSize: bytes.length });
    const res = await fetch(local(document.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});

describe('hostile and unwanted files', () => {
  const photo = () => photoWithGps();
  const cases: Array<[string, () => Promise<Buffer> | Buffer, string, number, string, string]> = [
    ['a script named .jpg', () => SCRIPT_NAMED_JPG, 'photo.jpg', 400, 'BAD_USER_INPUT', 'FILE_TYPE_NOT_ALLOWED'],
    ['an SVG with a script', () => SVG_WITH_SCRIPT, 'logo.svg', 400, 'BAD_USER_INPUT', 'FILE_TYPE_NOT_ALLOWED'],
    ['an SVG with a script named .png', () => SVG_WITH_SCRIPT, 'logo.png', 400, 'BAD_USER_INPUT', 'FILE_TYPE_NOT_ALLOWED'],
    [
      'a decompression bomb (PNG of 60000×60000 pixels in 70 bytes)',
      () => pngBomb(),
      'bomb.png',
      400,
      'BAD_USER_INPUT',
      'IMAGE_TOO_MANY_PIXELS',
    ],
    ['a truncated JPEG', async () => (await photo()).subarray(0, 4000), 'cut.jpg', 400, 'BAD_USER_INPUT', 'FILE_DAMAGED'],
    ['a truncated PDF', () => tinyPdf().subarray(0, 200), 'cut.pdf', 400, 'BAD_USER_INPUT', 'FILE_DAMAGED'],
    [
      'an HTML page named .pdf',
      () => Buffer.from('<html><body>%PDF-1.4</body></html>'),
      'x.pdf',
      400,
      'BAD_USER_INPUT',
      'FILE_TYPE_NOT_ALLOWED',
    ],
    ['an empty file', () => Buffer.alloc(0), 'empty.jpg', 400, 'BAD_USER_INPUT', 'FILE_MISSING'],
    [
      'an image over the image limit',
      () =>
        sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, (_, i) => (i * 7919) % 251)), {
          raw: { width: 300, height: 300, channels: 3 },
        })
          .png({ compressionLevel: 0 })
          .toBuffer(),
      'big.png',
      413,
      'PAYLOAD_TOO_LARGE',
      'FILE_TOO_LARGE',
    ],
    [
      'a PDF over the PDF limit',
      () => Buffer.concat([tinyPdf(), Buffer.alloc(PDF_MAX), Buffer.from('\n%%EOF\n')]),
      'big.pdf',
      413,
      'PAYLOAD_TOO_LARGE',
      'FILE_TOO_LARGE',
    ],
  ];

  it.each(cases)('refuses %s with a stable code and stores nothing', async (_name, make, fileName, status, code, reason) => {
    const [keys, rows] = [await storedKeys(), await fileRows()];
    const res = await upload(t.url, await make(), fileName, { token: media });
    expect(res.status).toBe(status);
    expect(res.body.errors[0].extensions).toMatchObject({ code, reason, field: 'file' });
    expect(res.body.errors[0].message).not.toMatch(/vips|sharp|at .*\.ts/i);
    expect(await storedKeys()).toEqual(keys);
    expect(await fileRows()).toBe(rows);
  });

  it('refuses a body over the largest limit before reading it all', async () => {
    const [keys, rows] = [await storedKeys(), await fileRows()];
    const res = await upload(t.url, Buffer.alloc(PDF_MAX + 10_000, 0x25), 'huge.pdf', { token: media });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE' });
    expect(await storedKeys()).toEqual(keys);
    expect(await fileRows()).toBe(rows);
  });

  it('refuses anyone but editors, media officers and admins, and a request that is not multipart', async () => {
    const [keys, rows] = [await storedKeys(), await fileRows()];
    const photo = await photoWithGps();
    const anonymous = await upload(t.url, photo, 'a.jpg');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await upload(t.url, photo, 'a.jpg', { token: 'not-a-token' });
    expect(badToken.status).toBe(401);
    const asAnalyst = await upload(t.url, photo, 'a.jpg', { token: analyst });
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const json = await fetch(`${t.url}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${media}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(await storedKeys()).toEqual(keys);
    expect(await fileRows()).toBe(rows);

    const anonymousAttach = await t.gql(attach('Goal'), { input: { targetId: NO_SUCH_ID, fileId: NO_SUCH_ID, altFa: 'x' } });
    expect(anonymousAttach.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('when the object store is down', () => {
  // A stand-in S3 service: no object exists, the first PUT is taken and every later one fails (503),
  // as a store does that runs out of space or falls over mid-upload.
  let store: http.Server;
  let storeUrl: string;
  let down: TestApp;
  const puts: string[] = [];
  const deletes: string[] = [];
  beforeAll(async () => {
    store = http.createServer((req, res) => {
      const key = decodeURIComponent(new URL(req.url!, 'http://store').pathname.replace(/^\/nabz-uploads\//, ''));
      req.resume();
      req.on('end', () => {
        const xml = (status: number, code: string) =>
          res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><Error><Code>${code}</Code></Error>`);
        if (req.method === 'GET' || req.method === 'HEAD') return xml(404, 'NoSuchKey');
        if (req.method === 'DELETE') return (deletes.push(key), res.writeHead(204).end());
        if (req.method === 'PUT') {
          puts.push(key);
          return puts.length === 1 ? res.writeHead(200, { etag: '"1"' }).end() : xml(503, 'ServiceUnavailable');
        }
        return xml(400, 'BadRequest');
      });
    });
    await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
    storeUrl = `http://127.0.0.1:${(store.address() as AddressInfo).port}`;
    down = await startTestApp({
      databaseUrl: t.databaseUrl,
      env: { S3_BUCKET: 'nabz-uploads', S3_ENDPOINT: storeUrl, S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' },
    });
  });
  afterAll(async () => {
    await down?.app.close();
    await new Promise((resolve) => store.close(resolve));
  });

  it('answers an upload SERVICE_UNAVAILABLE (503, retry later), removes what it had written, and records nothing', async () => {
    const rows = await fileRows();
    const audits = Number((await t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'uploadFile'`))[0].n);
    // A picture no file in this database refers to (the clean-up keeps objects a file refers to).
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#aa3366' } })
      .jpeg()
      .toBuffer();
    const up = await upload(down.url, photo, 'photo.jpg', { token: media, contentType: 'image/jpeg' });
    expect(up.status).toBe(503);
    expect(up.body.errors[0]).toMatchObject({
      message: 'The file store is not answering: nothing was stored. Try again in a few minutes.',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 30, requestId: expect.any(String) },
    });
    expect(JSON.stringify(up.body)).not.toMatch(/ServiceUnavailable|ECONN|aws|s3/i);
    // The first of the three widths was written before the store failed: it is taken away again.
    expect(puts.length).toBeGreaterThanOrEqual(2);
    expect(deletes).toEqual([puts[0]]);
    expect(await fileRows()).toBe(rows);
    expect(Number((await t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'uploadFile'`))[0].n)).toBe(audits);
  });

  it('answers a file request 503, not cached, while the store does not answer at all', async () => {
    await new Promise((resolve) => store.close(resolve)); // nothing listens there any more
    store.closeAllConnections();
    const res = await fetch(`${down.url}/files/images/${'ab'.repeat(32)}-640.webp`);
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('retry-after')).toBe('30');
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    // The rest of the API carries on.
    expect((await down.gql('{ districts { id } }')).body.errors).toBeUndefined();
  });
});
