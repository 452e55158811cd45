import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '../../config';
import { createFileStorage, LocalFileStorage, s3ClientConfig, S3FileStorage } from './storage';

const KEY = `images/${'ab'.repeat(32)}.webp`;

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('LocalFileStorage', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(path.join(tmpdir(), 'nabz-storage-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('puts, gets, streams and deletes by key, leaving no temporary files', async () => {
    const storage = new LocalFileStorage(dir);
    expect(await storage.get(KEY)).toBeNull();
    await storage.put(KEY, Buffer.from('bytes'));
    const object = await storage.get(KEY);
    expect(object?.size).toBe(5);
    expect(await text(object!.body)).toBe('bytes');
    expect(await readdir(path.join(dir, 'images'))).toEqual([`${'ab'.repeat(32)}.webp`]);
    await storage.delete(KEY);
    await storage.delete(KEY);
    expect(await storage.get(KEY)).toBeNull();
  });

  it('refuses anything that is not one of its keys (no path out of the folder)', async () => {
    const storage = new LocalFileStorage(dir);
    for (const key of ['../x.webp', 'images/../../etc/passwd', 'images/abc.svg', `images/${'ab'.repeat(32)}.webp/..`])
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('not a storage key');
  });
});

describe('S3FileStorage', () => {
  function fakeClient(answer: (command: unknown) => unknown) {
    const sent: unknown[] = [];
    const client = { send: async (command: unknown) => (sent.push(command), answer(command)) } as unknown as S3Client;
    return { client, sent };
  }

  it('puts with the content type and an immutable cache header, gets a stream, deletes', async () => {
    const { client, sent } = fakeClient((command) =>
      command instanceof GetObjectCommand ? { Body: Readable.from([Buffer.from('webp')]), ContentLength: 4 } : {},
    );
    const storage = new S3FileStorage(client, 'uploads');
    await storage.put(KEY, Buffer.from('webp'), 'image/webp');
    const object = await storage.get(KEY);
    await storage.delete(KEY);
    expect(sent[0]).toBeInstanceOf(PutObjectCommand);
    expect((sent[0] as PutObjectCommand).input).toMatchObject({
      Bucket: 'uploads',
      Key: KEY,
      ContentType: 'image/webp',
      ContentLength: 4,
      CacheControl: 'public, max-age=31536000, immutable',
    });
    expect(object?.size).toBe(4);
    expect(await text(object!.body)).toBe('webp');
    expect(sent[2]).toBeInstanceOf(DeleteObjectCommand);
    expect((sent[2] as DeleteObjectCommand).input).toEqual({ Bucket: 'uploads', Key: KEY });
  });

  it('answers null for a missing key and passes other failures on', async () => {
    const missing = new S3FileStorage(
      fakeClient(() => {
        throw new NoSuchKey({ message: 'no such key', $metadata: {} });
      }).client,
      'uploads',
    );
    expect(await missing.get(KEY)).toBeNull();
    const down = new S3FileStorage(
      fakeClient(() => {
        throw new Error('connect ECONNREFUSED');
      }).client,
      'uploads',
    );
    await expect(down.get(KEY)).rejects.toThrow('ECONNREFUSED');
  });
});

describe('file storage settings', () => {
  it('is a local folder under the server by default', () => {
    const config = loadConfig({});
    expect(config.files.storage).toEqual({ kind: 'local', dir: path.resolve(__dirname, '../../..', '.data', 'uploads') });
    expect(config.files.publicUrl).toBe('http://localhost:4000/files');
    expect(createFileStorage(config.files)).toBeInstanceOf(LocalFileStorage);
  });

  it('is S3 (MinIO: endpoint and path-style addresses) when S3_BUCKET is set', async () => {
    const config = loadConfig({
      S3_BUCKET: 'nabz-uploads',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      FILES_PUBLIC_URL: 'https://api.city.example/files/',
    });
    expect(config.files.publicUrl).toBe('https://api.city.example/files');
    const storage = config.files.storage;
    if (storage.kind !== 's3') throw new Error('expected s3');
    expect(s3ClientConfig(storage)).toEqual({
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    });
    expect(createFileStorage(config.files)).toBeInstanceOf(S3FileStorage);
  });

  it('refuses one S3 key without the other', () => {
    expect(() => loadConfig({ S3_BUCKET: 'nabz-uploads', S3_ACCESS_KEY_ID: 'key' })).toThrow('S3_SECRET_ACCESS_KEY');
  });
});
