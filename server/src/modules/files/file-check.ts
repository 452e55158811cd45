import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError, ErrorCode } from '../../common/errors';
import { type EnumValue, selfNamed } from '../../common/self-named';

/** The formats an image upload may be in, told by its first bytes, never by its name or declared type. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';
export type UploadFormat = ImageFormat | 'pdf';

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The format of an upload from its magic bytes, or null: JPEG, PNG, WebP, AVIF, GIF and PDF only.
 * SVG (text that can carry script), HTML, executables and everything else are null.
 */
export function sniffFormat(bytes: Buffer): UploadFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  // ISO-BMFF: a box size, then "ftyp" and the brand avif (still) or avis (sequence).
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))) return 'avif';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  return null;
}

/** Why an upload was refused: `extensions.reason` of its BAD_USER_INPUT (or PAYLOAD_TOO_LARGE), stable like the codes. */
export const UploadRefusal = selfNamed(
  /** Not JPEG, PNG, WebP, AVIF, GIF or PDF by its content (an SVG, a script named .jpg, …). */
  'FILE_TYPE_NOT_ALLOWED',
  /** Larger than the limit for its type. */
  'FILE_TOO_LARGE',
  /** An image of more pixels than allowed (a decompression bomb, or just too big). */
  'IMAGE_TOO_MANY_PIXELS',
  /** The content claims a format but cannot be read as one (truncated or damaged). */
  'FILE_DAMAGED',
  /** No file in the request. */
  'FILE_MISSING',
);
export type UploadRefusal = EnumValue<typeof UploadRefusal>;

export const refused = (reason: UploadRefusal, message: string) =>
  reason === UploadRefusal.FILE_TOO_LARGE
    ? new AppError('PAYLOAD_TOO_LARGE', message, { reason, field: 'file' })
    : new AppError(ErrorCode.BAD_USER_INPUT, message, { reason, field: 'file' });

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The widths an image is re-encoded at (never wider than the original). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

export interface ImageVariant {
  key: string;
  width: number;
  height: number;
  bytes: number;
}

export interface ProcessedImage {
  /** The variants, narrowest first, each with its bytes to store. */
  variants: Array<ImageVariant & { body: Buffer }>;
  width: number;
  height: number;
}

/**
 * Reads an image with sharp (refusing more than `maxPixels`, and any warning of a truncated or damaged
 * file), turns it upright by its EXIF orientation and re-encodes it as WebP at each responsive width.
 * sharp writes no metadata unless asked: EXIF (GPS included), XMP and IPTC do not survive.
 */
export async function processImage(bytes: Buffer, maxPixels: number): Promise<ProcessedImage> {
  const options = { limitInputPixels: maxPixels, failOn: 'warning' as const, animated: false };
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, options).metadata();
  } catch (err) {
    throw pixelsOrDamaged(err);
  }
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'heif', 'gif'].includes(meta.format ?? ''))
    throw refused(UploadRefusal.FILE_TYPE_NOT_ALLOWED, 'Images must be JPEG, PNG, WebP, AVIF or GIF.');
  if (meta.width * meta.height > maxPixels)
    throw refused(UploadRefusal.IMAGE_TOO_MANY_PIXELS, `The image has more than ${maxPixels} pixels.`);
  // Upright width and height (orientations 5-8 swap them).
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, width)))];
  const variants: ProcessedImage['variants'] = [];
  try {
    // Decoded once, upright and at the widest size; the narrower versions are made from that.
    const widest = await sharp(bytes, options)
      .rotate()
      .resize({ width: widths[widths.length - 1], withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: widest.info.width, height: widest.info.height, channels: widest.info.channels } };
    for (const w of widths) {
      const { data, info } = await sharp(widest.data, raw).resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({
        resolveWithObject: true,
      });
      variants.push({ key: `images/${sha256(data)}.webp`, width: info.width, height: info.height, bytes: data.length, body: data });
    }
  } catch (err) {
    throw pixelsOrDamaged(err);
  }
  return { variants, width, height };
}

function pixelsOrDamaged(err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return refused(UploadRefusal.IMAGE_TOO_MANY_PIXELS, 'The image has too many pixels.');
  return refused(UploadRefusal.FILE_DAMAGED, 'The image cannot be read: it is truncated or damaged.');
}

/**
 * A PDF is kept as sent (it is not rewritten) but must start with %PDF- and end with an %%EOF marker
 * near its end, as every complete PDF does: a truncated upload is refused.
 */
export function checkPdf(bytes: Buffer): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) throw refused(UploadRefusal.FILE_DAMAGED, 'The PDF is truncated or damaged (no %%EOF at its end).');
}
