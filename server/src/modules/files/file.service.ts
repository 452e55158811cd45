import { type TaskList } from 'graphile-worker';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { type Config } from '../../config';
import { type Logger } from '../../logger';
import { type AuditService } from '../staff/audit.service';
import { Role } from '../staff/role';
import { hasRole, type Actor, type Viewer } from '../staff/staff.policy';
import { checkPdf, processImage, refused, sha256, sniffFormat, UploadRefusal } from './file-check';
import { AttachmentSlot, FileAttachment, StoredFile, StoredFileKind } from './file.entity';
import { STORAGE_KEY, type FileStorage } from './storage';
import { ADD_JOB_SQL } from '../../common/job-queue';
import { pickKeys } from '../../common/pick-keys';
import { MEDIA_STAFF } from '../media/media.policy';
import { EVENT_EDITORS } from '../events/event.policy';
import { GOAL_EDITORS } from '../goals/goal.policy';

/**
 * The lock between uploads (shared) and the removal of objects (exclusive): a row that refers to an
 * object is committed before an object is removed, or the upload finds the object gone and writes it again.
 */
export const OBJECTS_LOCK = 7_316_040_116;
/** Files the sweep takes per transaction, and objects it deletes at once. */
const SWEEP_BATCH = 200;
const SWEEP_PARALLEL = 8;
/** The job queue's task that sweeps unused files, and its schedule (hourly, once across all instances). */
export const SWEEP_TASK = 'files:sweep';
export const SWEEP_CRONTAB = `0 * * * * ${SWEEP_TASK} ?max=3&jobKey=${SWEEP_TASK}`;
/** The task that deletes objects a sweep could not (payload: { keys }), tried again by the queue until the store takes it. */
export const DELETE_OBJECTS_TASK = 'files:delete-objects';

/** The keys among `keys` that some stored file refers to (as its key or one of its variants'). */
async function referencedKeys(m: EntityManager, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows: Array<{ key: string }> = await m.query(
    // One pass over the files, hash-joined with the keys (no index on keys; about 0.4 s per 100,000
    // files and 600 keys): the sweep holds the objects' lock meanwhile.
    `SELECT DISTINCT c.key FROM unnest($1::text[]) AS c(key)
       JOIN (SELECT f.storage_key FROM stored_file f
             UNION ALL
             SELECT v->>'key' FROM stored_file f, jsonb_array_elements(f.variants) AS v) AS r(key) ON r.key = c.key`,
    [keys],
  );
  return new Set(rows.map((r) => r.key));
}

/** Who may upload files: whoever edits something a file can be attached to. */
export const UPLOADERS = [Role.EDITOR, Role.MEDIA_OFFICER, Role.ADMIN] as const;

/** Each slot: the table of its owner, the kind of file it takes, and who may change it. */
export const SLOTS: Record<
  AttachmentSlot,
  { table: string; owner: string; entityType: string; kind: StoredFileKind; roles: readonly Role[] }
> = {
  [AttachmentSlot.NEWS_IMAGE]: {
    table: 'press_release',
    owner: 'Press release',
    entityType: 'PressRelease',
    kind: StoredFileKind.IMAGE,
    roles: MEDIA_STAFF,
  },
  [AttachmentSlot.PRESS_RELEASE_PDF]: {
    table: 'press_release',
    owner: 'Press release',
    entityType: 'PressRelease',
    kind: StoredFileKind.PDF,
    roles: MEDIA_STAFF,
  },
  [AttachmentSlot.EVENT_IMAGE]: { table: 'event', owner: 'Event', entityType: 'Event', kind: StoredFileKind.IMAGE, roles: EVENT_EDITORS },
  [AttachmentSlot.GOAL_IMAGE]: { table: 'goal', owner: 'Goal', entityType: 'Goal', kind: StoredFileKind.IMAGE, roles: GOAL_EDITORS },
  // Districts: admins only.
  [AttachmentSlot.DISTRICT_IMAGE]: {
    table: 'district',
    owner: 'District',
    entityType: 'District',
    kind: StoredFileKind.IMAGE,
    roles: [Role.ADMIN],
  },
};

export const canUpload = (viewer: Viewer | null) => hasRole(viewer, UPLOADERS);

/** A file name safe to show and to put in a Content-Disposition header. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

const snapshot = (f: StoredFile) => pickKeys(f, ['id', 'kind', 'contentType', 'storageKey', 'width', 'height', 'byteSize', 'fileName']);
const attachmentSnapshot = (a: FileAttachment) => pickKeys(a, ['slot', 'ownerId', 'fileId', 'altFa', 'altEn']);

/**
 * Uploaded files (issue 16 item 4): checked by their content, images re-encoded, written to the file
 * storage under content-hashed keys, then recorded (and audited); attached to news, events, goals,
 * districts and press releases.
 */
export class FileService {
  private queueRunning = false;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    readonly storage: FileStorage,
    readonly settings: Config['files'],
    private readonly log: Logger,
  ) {}

  /** The public URL of a stored object. */
  urlOf(key: string): string {
    return `${this.settings.publicUrl}/${key}`;
  }

  /**
   * Checks an upload and stores it. Everything is checked before anything is written: a refused file
   * leaves neither an object in the storage nor a row.
   */
  async upload(actor: Actor, bytes: Buffer, name: string | undefined): Promise<StoredFile> {
    if (!canUpload(actor)) throw forbidden();
    if (bytes.length === 0) throw refused(UploadRefusal.FILE_MISSING, 'The file is empty.');
    const format = sniffFormat(bytes);
    if (!format)
      throw refused(UploadRefusal.FILE_TYPE_NOT_ALLOWED, 'Only JPEG, PNG, WebP, AVIF or GIF images and PDF files may be uploaded.');
    let objects: Array<{ key: string; body: Buffer; contentType: string }>;
    let row: Partial<StoredFile>;
    if (format === 'pdf') {
      if (bytes.length > this.settings.pdfMaxBytes)
        throw refused(UploadRefusal.FILE_TOO_LARGE, `PDF files may be at most ${this.settings.pdfMaxBytes} bytes.`);
      checkPdf(bytes);
      const key = `documents/${sha256(bytes)}.pdf`;
      objects = [{ key, body: bytes, contentType: 'application/pdf' }];
      row = {
        kind: StoredFileKind.PDF,
        contentType: 'application/pdf',
        storageKey: key,
        variants: [],
        width: null,
        height: null,
        byteSize: bytes.length,
        fileName: safeFileName(name, 'document.pdf'),
      };
    } else {
      if (bytes.length > this.settings.imageMaxBytes)
        throw refused(UploadRefusal.FILE_TOO_LARGE, `Images may be at most ${this.settings.imageMaxBytes} bytes.`);
      const image = await processImage(bytes, this.settings.imageMaxPixels);
      const widest = image.variants[image.variants.length - 1];
      objects = image.variants.map((v) => ({ key: v.key, body: v.body, contentType: 'image/webp' }));
      row = {
        kind: StoredFileKind.IMAGE,
        contentType: 'image/webp',
        storageKey: widest.key,
        variants: image.variants.map(({ key, width, height, bytes }) => ({ key, width, height, bytes })),
        width: widest.width,
        height: widest.height,
        byteSize: widest.bytes,
        fileName: safeFileName(name, 'image'),
      };
    }

    // Objects already there (the same content uploaded before) are left alone if the row fails.
    const written: string[] = [];
    const writeMissing = async () => {
      try {
        for (const o of objects) {
          if (await this.exists(o.key)) continue;
          await this.storage.put(o.key, o.body, o.contentType);
          if (!written.includes(o.key)) written.push(o.key);
        }
      } catch (err) {
        // The store is down or refuses: what was written is removed below, and the uploader is told to try again.
        this.log.error({ err }, 'the file store did not take an upload');
        throw storageUnavailable();
      }
    };
    try {
      await writeMissing();
      return await this.db.transaction(async (m) => {
        // Shared with other uploads, exclusive to the sweep (and to a failed upload's clean-up): once
        // this row is in, they see it before they remove an object. An object removed since it was
        // found or written is written again, here, before the row that refers to it.
        await m.query('SELECT pg_advisory_xact_lock_shared($1)', [OBJECTS_LOCK]).catch((err: { code?: string }) => {
          // A sweep held the lock longer than the statement timeout (a slow store): nothing is recorded; try again.
          if (err?.code === '57014') throw storageUnavailable();
          throw err;
        });
        await writeMissing();
        const saved = await m.save(StoredFile, m.create(StoredFile, { ...row, uploadedById: actor.userId }));
        return this.audit.recordCreation(m, actor, 'uploadFile', 'StoredFile', saved, snapshot(saved));
      });
    } catch (err) {
      await this.removeUnreferenced(written);
      throw err;
    }
  }

  private async exists(key: string): Promise<boolean> {
    const existing = await this.storage.get(key);
    existing?.body.destroy();
    return existing !== null;
  }

  /**
   * Removes objects a failed upload wrote, unless a row refers to them meanwhile (another upload of
   * the same content found them there and kept them). Under the sweep's lock, so an upload that found
   * them checks again after this. What cannot be removed now (the store refuses, the lock is busy, the
   * database does not answer) is left to a job on the queue, or, without one, named in the log.
   */
  private async removeUnreferenced(keys: string[]): Promise<void> {
    if (!keys.length) return;
    let left: string[] = [];
    try {
      await this.db.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock($1)', [OBJECTS_LOCK]);
        const referenced = await referencedKeys(m, keys);
        for (const key of keys.filter((k) => !referenced.has(k)))
          await this.storage.delete(key).catch((err) => {
            this.log.error({ err, key }, 'could not remove an object');
            left.push(key);
          });
      });
    } catch (err) {
      this.log.error({ err, keys }, "could not check whether a failed upload's objects are in use");
      left = keys;
    }
    if (!left.length) return;
    await this.deleteLater(this.db.manager, left).catch((err) =>
      this.log.error({ err, keys: left }, 'objects of a failed upload are left in the file store: delete them by hand'),
    );
  }

  /**
   * Queues the deletion of objects that may be no file's (the job checks again under the objects'
   * lock); without the queue (embedded database) they are named in the log for a person to delete.
   */
  private async deleteLater(m: EntityManager, keys: string[]): Promise<void> {
    if (!this.queueRunning) {
      this.log.error({ keys }, 'objects no file uses are left in the file store: delete them by hand');
      return;
    }
    await m.query(ADD_JOB_SQL, [DELETE_OBJECTS_TASK, JSON.stringify({ keys }), new Date().toISOString(), 25, null]);
    this.log.warn({ keys }, 'objects no file uses are left in the file store for now: a job deletes them later');
  }

  /** The job queue's tasks: the sweep (scheduled by SWEEP_CRONTAB), and deleting what a sweep left in the store. */
  queueTasks(): TaskList {
    return {
      [SWEEP_TASK]: async () => {
        await this.sweepUnused();
      },
      [DELETE_OBJECTS_TASK]: async (payload) => {
        const keys = ((payload as { keys?: unknown })?.keys ?? []) as unknown[];
        await this.deleteLeftObjects(keys.filter((k): k is string => typeof k === 'string' && STORAGE_KEY.test(k)));
      },
    };
  }

  /** Whether the job queue runs (app.ts): then objects a sweep could not delete are queued for later. */
  useQueue(running: boolean): void {
    this.queueRunning = running;
  }

  /** Deletes objects no file refers to, under the objects' lock; a failure throws (the queue tries again later). */
  private async deleteLeftObjects(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [OBJECTS_LOCK]);
      const referenced = await referencedKeys(m, keys);
      for (const key of keys.filter((k) => !referenced.has(k))) await this.storage.delete(key);
    });
    this.log.info({ keys }, 'objects a sweep had left in the file store are deleted');
  }

  /**
   * The sweep (an hourly job on the job queue): deletes the files attached to nothing that were
   * uploaded more than FILES_UNUSED_HOURS ago, and their objects that no remaining file refers to
   * (objects are content-addressed and may be shared). In batches, each one transaction: the rows
   * are locked (an attach in progress holds its file's row, and that file is skipped), the objects'
   * lock is taken (uploads wait), the rows deleted, then the objects. An object that cannot be
   * deleted stops the sweep: the files none of whose objects were deleted stay (tried next hour);
   * no file remains whose objects are gone.
   */
  async sweepUnused(): Promise<{ files: number; objects: number; failed: boolean }> {
    const total = { files: 0, objects: 0, failed: false };
    for (;;) {
      const batch = await this.sweepBatch();
      total.files += batch.files;
      total.objects += batch.objects;
      if (batch.failed) total.failed = true;
      if (batch.failed || batch.picked < SWEEP_BATCH) break;
    }
    if (total.files || total.failed)
      this.log.info(
        { files: total.files, objects: total.objects, failed: total.failed },
        `unused files swept: ${total.files} files and ${total.objects} objects removed`,
      );
    return total;
  }

  private async sweepBatch(): Promise<{ picked: number; files: number; objects: number; failed: boolean }> {
    return this.db.transaction(async (m) => {
      const picked: Array<{ id: string }> = await m.query(
        `SELECT f.id FROM stored_file f
          WHERE f.created_at < now() - make_interval(hours => $1::int)
            AND NOT EXISTS (SELECT 1 FROM file_attachment a WHERE a.file_id = f.id)
          ORDER BY f.created_at, f.id
          LIMIT $2
          FOR UPDATE OF f SKIP LOCKED`,
        [this.settings.unusedHours, SWEEP_BATCH],
      );
      if (!picked.length) return { picked: 0, files: 0, objects: 0, failed: false };
      await m.query('SELECT pg_advisory_xact_lock($1)', [OBJECTS_LOCK]);
      await m.query('SAVEPOINT sweep');
      // Checked again in a statement of its own: an attach that committed after the rows were picked is seen.
      const deleted: Array<{ id: string; storage_key: string; variants: Array<{ key: string }> }> = await m.query(
        `WITH d AS (
           DELETE FROM stored_file f
            WHERE f.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM file_attachment a WHERE a.file_id = f.id)
            RETURNING f.id, f.storage_key, f.variants)
         SELECT * FROM d`,
        [picked.map((r) => r.id)],
      );
      const keysOf = new Map(deleted.map((r) => [r.id, [...new Set([r.storage_key, ...(r.variants ?? []).map((v) => v.key)])]]));
      const candidates = [...new Set([...keysOf.values()].flat())];
      const referenced = await referencedKeys(m, candidates);
      const orphans = candidates.filter((k) => !referenced.has(k));
      const gone = new Set<string>();
      const failed = new Set<string>();
      for (let i = 0; i < orphans.length; i += SWEEP_PARALLEL) {
        const chunk = orphans.slice(i, i + SWEEP_PARALLEL);
        const results = await Promise.allSettled(chunk.map((key) => this.storage.delete(key)));
        results.forEach((r, j) => {
          if (r.status === 'fulfilled') gone.add(chunk[j]);
          else {
            failed.add(chunk[j]);
            this.log.error({ err: r.reason, key: chunk[j] }, 'the sweep could not delete an object');
          }
        });
        if (failed.size) break;
      }
      if (!failed.size) return { picked: picked.length, files: deleted.length, objects: gone.size, failed: false };

      // A file keeps its row only if none of its objects was deleted; its objects are all still there.
      const keep = deleted.filter((r) => !keysOf.get(r.id)!.some((k) => gone.has(k))).map((r) => r.id);
      const remove = deleted.filter((r) => !keep.includes(r.id)).map((r) => r.id);
      await m.query('ROLLBACK TO SAVEPOINT sweep');
      if (remove.length) await m.query('DELETE FROM stored_file WHERE id = ANY($1::uuid[])', [remove]);
      // Objects of deleted files that were not deleted, and that no remaining file refers to.
      const stranded = orphans.filter((k) => !gone.has(k) && !keep.some((id) => keysOf.get(id)!.includes(k)));
      // Deleted later by the queue, with growing waits, unless a file refers to them again by then.
      if (stranded.length) await this.deleteLater(m, stranded);
      this.log.warn(
        { kept: keep.length },
        'the file store did not delete every object: the files whose objects are all still there stay until the next sweep',
      );
      return { picked: picked.length, files: remove.length, objects: gone.size, failed: true };
    });
  }

  async findFilesByIds(ids: readonly string[]): Promise<Array<StoredFile | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.db.getRepository(StoredFile).findBy({ id: In(valid) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Attachments by `slot:ownerId` keys (a DataLoader's batch). */
  async attachmentsByKeys(keys: readonly string[]): Promise<Array<FileAttachment | null>> {
    const pairs = keys.map((k) => k.split(':') as [AttachmentSlot, string]);
    const ownerIds = [...new Set(pairs.map(([, id]) => id).filter(isUuid))];
    const rows = ownerIds.length
      ? await this.db.getRepository(FileAttachment).find({ where: { ownerId: In(ownerIds) }, relations: { file: true } })
      : [];
    const byKey = new Map(rows.map((r) => [`${r.slot}:${r.ownerId}`, r]));
    return keys.map((k) => byKey.get(k) ?? null);
  }

  /** Attaches an uploaded file to an object, in place of any file there; audited. */
  async attach(
    actor: Actor,
    input: { slot: AttachmentSlot; ownerId: string; fileId: string; altFa?: string | null; altEn?: string | null },
  ): Promise<FileAttachment> {
    const slot = SLOTS[input.slot];
    if (!hasRole(actor, slot.roles)) throw forbidden();
    const altFa = input.altFa?.trim() || null;
    const altEn = input.altEn?.trim() || null;
    if (slot.kind === StoredFileKind.IMAGE && !altFa)
      throw badInput('An image needs a Persian text alternative (altFa) for people who cannot see it.', 'input.altFa');
    for (const [field, value] of [
      ['altFa', altFa],
      ['altEn', altEn],
    ] as const)
      if (value && value.length > 300) throw badInput(`${field} may be at most 300 characters.`, `input.${field}`);
    if (!isUuid(input.ownerId)) throw notFound(slot.owner);
    if (!isUuid(input.fileId)) throw notFound('File');
    return this.db.transaction(async (m) => {
      const owner: unknown[] = await m.query(`SELECT 1 FROM "${slot.table}" WHERE id = $1 FOR UPDATE`, [input.ownerId]);
      if (owner.length === 0) throw notFound(slot.owner);
      // Held until the attachment is in: the sweep skips a file being attached, or has deleted it already.
      const file = await m.findOne(StoredFile, { where: { id: input.fileId }, lock: { mode: 'pessimistic_read' } });
      if (!file) throw notFound('File');
      if (file.kind !== slot.kind)
        throw badInput(slot.kind === StoredFileKind.PDF ? 'Attach a PDF file here.' : 'Attach an image here.', 'input.fileId');
      const before = await m.findOneBy(FileAttachment, { slot: input.slot, ownerId: input.ownerId });
      const attachment = m.create(FileAttachment, {
        slot: input.slot,
        ownerId: input.ownerId,
        fileId: file.id,
        altFa,
        altEn,
        attachedById: actor.userId,
        attachedAt: new Date(),
      });
      await m.save(FileAttachment, attachment);
      await this.audit.recordBy(m, actor, {
        action: 'attachFile',
        entityType: slot.entityType,
        entityId: input.ownerId,
        before: before ? attachmentSnapshot(before) : null,
        after: attachmentSnapshot(attachment),
      });
      attachment.file = file;
      return attachment;
    });
  }

  /** Removes an object's file (the stored file stays, attachable elsewhere, until the sweep finds it unused for FILES_UNUSED_HOURS). */
  async detach(actor: Actor, input: { slot: AttachmentSlot; ownerId: string }): Promise<boolean> {
    const slot = SLOTS[input.slot];
    if (!hasRole(actor, slot.roles)) throw forbidden();
    if (!isUuid(input.ownerId)) throw notFound(slot.owner);
    return this.db.transaction(async (m) => {
      const before = await m.findOne(FileAttachment, {
        where: { slot: input.slot, ownerId: input.ownerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) return false;
      await m.delete(FileAttachment, { slot: input.slot, ownerId: input.ownerId });
      await this.audit.recordBy(m, actor, {
        action: 'detachFile',
        entityType: slot.entityType,
        entityId: input.ownerId,
        before: attachmentSnapshot(before),
      });
      return true;
    });
  }
}

/** The file store (the folder or the S3 service) does not answer: nothing was stored; worth trying again. */
export function storageUnavailable(): AppError {
  return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The file store is not answering: nothing was stored. Try again in a few minutes.', {
    retryAfter: 30,
  });
}
