import { createHash, randomBytes } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { OBJECTS_LOCK, SWEEP_TASK } from '../../server/src/modules/files/file.service';
import { DELIVER_TASK } from '../../server/src/modules/mail/mail.service';
import { startTestApp, type TestApp } from '../helpers/app';
import { serverOnly, testDatabase } from '../helpers/database';
import { tinyPdf, upload } from '../helpers/files';
import { insertRelease } from '../helpers/media';
import { waitFor, waitForLockWaiters } from '../helpers/wait';

// Uploaded files attached to nothing are deleted by an hourly job (issue 16 items 4 and 5), with
// their objects in the store unless another file refers to them; never a file whose objects are
// gone, never a 500 for an attach that meets a sweep. Real PostgreSQL, the real local-folder store,
// real HTTP; the sweep runs on the job queue (a PostgreSQL server) or is called directly (PGlite).

let t: TestApp;
let dir: string;
let media: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nabz-sweep-'));
  t = await startTestApp({ seed: true, env: { UPLOADS_DIR: dir } });
  media = await t.signIn('media');
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** An image no other test uploads (random pixels), so its objects are its own. */
const freshImage = () =>
  sharp(randomBytes(400 * 300 * 3), { raw: { width: 400, height: 300, channels: 3 } })
    .png()
    .toBuffer();

async function uploaded(bytes: Buffer, name: string): Promise<string> {
  const res = await upload(t.url, bytes, name, { token: media });
  expect(res.status).toBe(201);
  return res.body.file.id;
}
/** A file's objects: its key and its variants' keys. */
async function keysOf(id: string): Promise<string[]> {
  const [row] = await t.app.db.query('SELECT storage_key, variants FROM stored_file WHERE id = $1', [id]);
  return [...new Set<string>([row.storage_key, ...row.variants.map((v: { key: string }) => v.key)])];
}
const exists = async (id: string) => (await t.app.db.query('SELECT 1 FROM stored_file WHERE id = $1', [id])).length === 1;
const inStore = (key: string) =>
  access(path.join(dir, ...key.split('/'))).then(
    () => true,
    () => false,
  );
/** The status GET /files/<key> answers (the body read, so no answer is left open). */
async function served(key: string): Promise<number> {
  const res = await fetch(`${t.url}/files/${key}`);
  await res.arrayBuffer();
  return res.status;
}
/** Makes files look uploaded `hours` ago (the grace period is FILES_UNUSED_HOURS, 24 by default). */
const age = (ids: string[], hours = 48) =>
  t.app.db.query('UPDATE stored_file SET created_at = now() - make_interval(hours => $2) WHERE id = ANY($1::uuid[])', [ids, hours]);

const ATTACH = `mutation ($input: AttachImageInput!) { attachNewsImage(input: $input) { image { id } } }`;
const attach = (releaseId: string, fileId: string) =>
  t.gql(ATTACH, { input: { targetId: releaseId, fileId, altFa: 'عکس خبر' } }, { token: media });

/** Runs the sweep as the hourly job does: a job on the queue (PostgreSQL server), or the service itself (PGlite, no queue). */
async function sweep(): Promise<void> {
  if (testDatabase().mode === 'embedded') {
    await t.app.services.files.sweepUnused();
    return;
  }
  await t.app.db.query(`SELECT graphile_worker.add_job($1, '{}'::json, job_key => 'files:sweep:test')`, [SWEEP_TASK]);
  await waitFor(
    async () => {
      const jobs = await t.app.db.query('SELECT last_error FROM graphile_worker.jobs WHERE task_identifier = $1', [SWEEP_TASK]);
      if (jobs.some((j: { last_error: string | null }) => j.last_error)) throw new Error(`the sweep failed: ${jobs[0].last_error}`);
      return jobs.length === 0;
    },
    15_000,
    'the sweep job to finish',
  );
}

describe('the hourly sweep of unused files', () => {
  serverOnly()("is on the job queue's crontab", async () => {
    const known = await waitFor(
      async () =>
        (await t.app.db.query(`SELECT identifier FROM graphile_worker._private_known_crontabs WHERE identifier = $1`, [SWEEP_TASK]))[0],
      15_000,
      'the crontab item',
    );
    expect(known).toEqual({ identifier: SWEEP_TASK });
  });

  serverOnly()('runs on a server without SMTP_URL, whose queue leaves e-mail jobs waiting', async () => {
    // graphile-worker takes only jobs of the tasks in its list: without SMTP settings, mail's are not.
    const [{ id }] = await t.app.db.query(`SELECT (graphile_worker.add_job($1, json_build_object('deliveryId', gen_random_uuid()))).id`, [
      DELIVER_TASK,
    ]);
    await sweep(); // a job added after it, done
    const [mail] = await t.app.db.query('SELECT attempts, locked_at FROM graphile_worker.jobs WHERE id = $1', [id]);
    expect(mail).toEqual({ attempts: 0, locked_at: null });
    await t.app.db.query('SELECT graphile_worker.complete_jobs(ARRAY[$1::bigint])', [id]);
  });

  it('deletes an old file attached to nothing and its objects; keeps attached, recent and shared ones', async () => {
    const releaseId = await insertRelease(t, 'PUBLISHED');
    const attachedImage = await freshImage();
    const attached = await uploaded(attachedImage, 'attached.png');
    expect((await attach(releaseId, attached)).body.errors).toBeUndefined();
    // The same picture uploaded again and abandoned: its row goes, the objects stay (the attached file's).
    const attachedTwin = await uploaded(attachedImage, 'again.png');
    const abandoned = await uploaded(await freshImage(), 'abandoned.png');
    const recent = await uploaded(await freshImage(), 'recent.png');
    // One PDF uploaded twice: the old copy goes, the object stays for the recent one.
    const pdf = tinyPdf(311);
    const oldPdf = await uploaded(pdf, 'old.pdf');
    const newPdf = await uploaded(pdf, 'new.pdf');
    // Replaced: attached once, then another file took its place.
    const replaced = await uploaded(await freshImage(), 'replaced.png');
    const otherRelease = await insertRelease(t, 'PUBLISHED');
    expect((await attach(otherRelease, replaced)).body.errors).toBeUndefined();
    const replacement = await uploaded(await freshImage(), 'replacement.png');
    expect((await attach(otherRelease, replacement)).body.errors).toBeUndefined();
    await age([attached, attachedTwin, abandoned, oldPdf, replaced, replacement]);
    await age([recent, newPdf], 23);

    const keys = Object.fromEntries(
      await Promise.all(
        Object.entries({ attached, attachedTwin, abandoned, recent, oldPdf, newPdf, replaced, replacement }).map(
          async ([name, id]) => [name, await keysOf(id)] as const,
        ),
      ),
    );
    expect(keys.attachedTwin).toEqual(keys.attached);
    expect(keys.oldPdf).toEqual(keys.newPdf);
    for (const key of keys.abandoned) expect(await served(key)).toBe(200);

    await sweep();

    for (const id of [abandoned, attachedTwin, oldPdf, replaced]) expect(await exists(id)).toBe(false);
    for (const id of [attached, recent, newPdf, replacement]) expect(await exists(id)).toBe(true);
    for (const key of [...keys.abandoned, ...keys.replaced]) {
      expect(await inStore(key)).toBe(false);
      expect(await served(key)).toBe(404);
    }
    for (const key of [...keys.attached, ...keys.recent, ...keys.newPdf, ...keys.replacement]) {
      expect(await inStore(key)).toBe(true);
      expect(await served(key)).toBe(200);
    }
  });

  it('counts what it removed, and does nothing when nothing is old and unused', async () => {
    const id = await uploaded(await freshImage(), 'counted.png');
    const objects = (await keysOf(id)).length;
    await age([id]);
    expect(await t.app.services.files.sweepUnused()).toEqual({ files: 1, objects, failed: false });
    expect(await t.app.services.files.sweepUnused()).toEqual({ files: 0, objects: 0, failed: false });
  });

  it('keeps a file none of whose objects could be deleted (tried again next time), and never a file with objects gone', async () => {
    const pdf = await uploaded(tinyPdf(313), 'kept.pdf');
    const image = await uploaded(await freshImage(), 'half.png');
    const [pdfKey] = await keysOf(pdf);
    const imageKeys = await keysOf(image);
    await age([pdf, image]);
    const storage = t.app.services.files.storage;
    const realDelete = storage.delete.bind(storage);
    const refused = new Set([pdfKey, imageKeys[1]]);
    const spy = jest
      .spyOn(storage, 'delete')
      .mockImplementation(async (key) => (refused.has(key) ? Promise.reject(new Error('store refused')) : realDelete(key)));
    try {
      const result = await t.app.services.files.sweepUnused();
      expect(result.failed).toBe(true);
    } finally {
      spy.mockRestore();
    }
    // The PDF lost nothing: it stays, whole. The image lost objects: its row is gone with them.
    expect(await exists(pdf)).toBe(true);
    expect(await inStore(pdfKey)).toBe(true);
    expect(await exists(image)).toBe(false);
    expect(await inStore(imageKeys[0])).toBe(false);
    // The object the store refused is no file's any more: on the job queue a job deletes it, with retries.
    if (testDatabase().mode === 'server') await waitFor(async () => !(await inStore(imageKeys[1])), 20_000, 'the left object deleted');

    expect(await t.app.services.files.sweepUnused()).toMatchObject({ files: 1, objects: 1, failed: false });
    expect(await exists(pdf)).toBe(false);
    expect(await inStore(pdfKey)).toBe(false);
  });

  serverOnly()('lets an attach that waits on a sweep answer NOT_FOUND, never a 500', async () => {
    const file = await uploaded(await freshImage(), 'late.png');
    await age([file]);
    const releaseId = await insertRelease(t, 'PUBLISHED');
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      // An upload holds the objects' lock: the sweep has locked its rows and waits for it.
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock_shared($1)', [OBJECTS_LOCK]);
      const sweeping = t.app.services.files.sweepUnused();
      await waitForLockWaiters(blocker, 1);
      const attaching = attach(releaseId, file);
      await waitForLockWaiters(blocker, 2); // the attach waits for the file's row
      await blocker.query('COMMIT');
      const [swept, res] = await Promise.all([sweeping, attaching]);
      expect(swept.files).toBeGreaterThanOrEqual(1);
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]).toMatchObject({ message: 'File was not found.', extensions: { code: 'NOT_FOUND' } });
    } finally {
      await blocker.end();
    }
    expect(await exists(file)).toBe(false);
    expect((await t.app.db.query('SELECT 1 FROM file_attachment WHERE owner_id = $1', [releaseId])).length).toBe(0);
  });

  serverOnly()('skips a file an attach is attaching; the file stays, attached and whole', async () => {
    const releaseId = await insertRelease(t, 'PUBLISHED');
    const first = await uploaded(await freshImage(), 'first.png');
    expect((await attach(releaseId, first)).body.errors).toBeUndefined();
    const second = await uploaded(await freshImage(), 'second.png');
    await age([second]);
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      // Holding the release's attachment row: the attach has locked the new file and waits to replace the old one.
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM file_attachment WHERE slot = 'NEWS_IMAGE' AND owner_id = $1 FOR UPDATE`, [releaseId]);
      const attaching = attach(releaseId, second);
      await waitForLockWaiters(holder, 1);
      await t.app.services.files.sweepUnused();
      expect(await exists(second)).toBe(true);
      await holder.query('COMMIT');
      const res = await attaching;
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.attachNewsImage.image.id).toBe(second);
    } finally {
      await holder.end();
    }
    await sweep();
    expect(await exists(second)).toBe(true);
    for (const key of await keysOf(second)) expect(await served(key)).toBe(200);
  });

  serverOnly()('lets an upload that found objects a sweep then removed write them again before its row', async () => {
    const bytes = tinyPdf(317);
    const old = await uploaded(bytes, 'old.pdf');
    const [key] = await keysOf(old);
    await age([old]);
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    let up: { status: number; body: any };
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock_shared($1)', [OBJECTS_LOCK]);
      const sweeping = t.app.services.files.sweepUnused();
      await waitForLockWaiters(blocker, 1); // the sweep has the old row and waits for the objects' lock
      const uploading = upload(t.url, bytes, 'new.pdf', { token: media });
      await waitForLockWaiters(blocker, 2); // the upload found the object there and waits to record its row
      await blocker.query('COMMIT');
      [, up] = await Promise.all([sweeping, uploading]);
    } finally {
      await blocker.end();
    }
    expect(up.status).toBe(201);
    expect(await exists(old)).toBe(false);
    expect(await keysOf(up.body.file.id)).toEqual([key]);
    const res = await fetch(`${t.url}/files/${key}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  serverOnly()(
    'answers an upload 503 when a sweep holds the objects longer than the statement timeout, and queues what it wrote for deletion',
    async () => {
      const impatient = await startTestApp({
        databaseUrl: t.databaseUrl,
        env: { UPLOADS_DIR: dir, DATABASE_STATEMENT_TIMEOUT_MS: '1000' },
      });
      const blocker = new Client({ connectionString: t.databaseUrl });
      await blocker.connect();
      try {
        const before = Number((await t.app.db.query('SELECT count(*)::int AS n FROM stored_file'))[0].n);
        await blocker.query('BEGIN');
        await blocker.query('SELECT pg_advisory_xact_lock($1)', [OBJECTS_LOCK]); // as a sweep deleting objects does
        const bytes = tinyPdf(331);
        const res = await upload(impatient.url, bytes, 'busy.pdf', { token: media });
        expect(res.status).toBe(503);
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 30 });
        expect(Number((await t.app.db.query('SELECT count(*)::int AS n FROM stored_file'))[0].n)).toBe(before);
        // Its object could not be removed under the lock either: a job does it once the lock is free.
        const key = `documents/${createHash('sha256').update(bytes).digest('hex')}.pdf`;
        const jobs = await t.app.db.query(`SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'files:delete-objects'`);
        expect(jobs.length).toBeGreaterThanOrEqual(1);
        expect(await inStore(key)).toBe(true);
        await blocker.query('COMMIT');
        await waitFor(async () => !(await inStore(key)), 20_000, 'the object deleted by the job');
      } finally {
        await blocker.end();
        await impatient.close();
      }
    },
  );
});
