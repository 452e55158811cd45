import { In, type DataSource } from 'typeorm';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { type Config } from '../../config';
import { type Logger } from '../../logger';
import { type AuditService } from '../staff/audit.service';
import { Role } from '../staff/role';
import { hasRole, type Actor, type Viewer } from '../staff/staff.policy';
import { checkPdf, processImage, refused, sha256, sniffFormat, UploadRefusal } from './file-check';
import { AttachmentSlot, FileAttachment, StoredFile, StoredFileKind } from './file.entity';
import { type FileStorage } from './storage';
import { MEDIA_STAFF } from '../media/media.policy';
import { EVENT_EDITORS } from '../events/event.policy';
import { GOAL_EDITORS } from '../goals/goal.policy';

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

const snapshot = (f: StoredFile) => ({
  id: f.id,
  kind: f.kind,
  contentType: f.contentType,
  storageKey: f.storageKey,
  width: f.width,
  height: f.height,
  byteSize: f.byteSize,
  fileName: f.fileName,
});
const attachmentSnapshot = (a: FileAttachment) => ({ slot: a.slot, ownerId: a.ownerId, fileId: a.fileId, altFa: a.altFa, altEn: a.altEn });

/**
 * Uploaded files (issue 16 item 4): checked by their content, images re-encoded, written to the file
 * storage under content-hashed keys, then recorded (and audited); attached to news, events, goals,
 * districts and press releases.
 */
export class FileService {
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
    try {
      try {
        for (const o of objects) {
          const existing = await this.storage.get(o.key);
          if (existing) {
            existing.body.destroy();
            continue;
          }
          await this.storage.put(o.key, o.body, o.contentType);
          written.push(o.key);
        }
      } catch (err) {
        // The store is down or refuses: what was written is removed below, and the uploader is told to try again.
        this.log.error({ err }, 'the file store did not take an upload');
        throw storageUnavailable();
      }
      return await this.db.transaction(async (m) => {
        const saved = await m.save(StoredFile, m.create(StoredFile, { ...row, uploadedById: actor.userId }));
        await this.audit.record(m, {
          actorId: actor.userId,
          action: 'uploadFile',
          entityType: 'StoredFile',
          entityId: saved.id,
          after: snapshot(saved),
          requestId: actor.requestId,
        });
        return saved;
      });
    } catch (err) {
      for (const key of written) await this.storage.delete(key).catch((e) => this.log.error({ err: e, key }, 'could not remove an object'));
      throw err;
    }
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
      const file = await m.findOneBy(StoredFile, { id: input.fileId });
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
      await this.audit.record(m, {
        actorId: actor.userId,
        action: 'attachFile',
        entityType: slot.entityType,
        entityId: input.ownerId,
        before: before ? attachmentSnapshot(before) : null,
        after: attachmentSnapshot(attachment),
        requestId: actor.requestId,
      });
      attachment.file = file;
      return attachment;
    });
  }

  /** Removes an object's file (the stored file stays: it is content-addressed and may be attached elsewhere). */
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
      await this.audit.record(m, {
        actorId: actor.userId,
        action: 'detachFile',
        entityType: slot.entityType,
        entityId: input.ownerId,
        before: attachmentSnapshot(before),
        requestId: actor.requestId,
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
