import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { type Config } from '../../config';

/** A stored object, ready to be streamed out. */
export interface StoredObject {
  body: Readable;
  size: number;
}

/**
 * Where uploaded files live: one interface, by key (such as `images/<sha-256>.webp`). Keys are
 * content-hashed, so an object never changes once written: put of an existing key writes the same bytes.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

/** The keys this server writes: a folder, a SHA-256 in hex, an extension. Anything else is no key of ours. */
export const STORAGE_KEY = /^(images|documents)\/[0-9a-f]{64}(-\d{2,5})?\.(webp|pdf)$/;

/**
 * Files in a folder of the server's disk (the default: `server/.data/uploads`). A put writes a
 * temporary file and renames it into place, so a reader never sees half a file.
 */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local';
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    if (!STORAGE_KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.dir, ...key.split('/'));
  }

  async put(key: string, body: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, body, { flag: 'wx' });
      await rename(temporary, target);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    try {
      const { size } = await stat(file);
      return { body: createReadStream(file), size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** The S3 client's settings for an S3-compatible store (MinIO needs the endpoint and path-style addresses). */
export function s3ClientConfig(storage: Extract<Config['files']['storage'], { kind: 's3' }>): S3ClientConfig {
  return {
    region: storage.region,
    ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
    forcePathStyle: storage.forcePathStyle,
    // A store that is down answers an upload within seconds (SERVICE_UNAVAILABLE), not after the OS gives up.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
    ...(storage.accessKeyId && storage.secretAccessKey
      ? { credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey } }
      : {}),
  };
}

/** Any S3-compatible object store (AWS S3, MinIO, …): a thin adapter over @aws-sdk/client-s3. */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3';
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return null;
      return { body: out.Body as Readable, size: out.ContentLength ?? 0 };
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

export function createFileStorage(files: Config['files']): FileStorage {
  const { storage } = files;
  if (storage.kind === 's3') return new S3FileStorage(new S3Client(s3ClientConfig(storage)), storage.bucket);
  return new LocalFileStorage(storage.dir);
}
