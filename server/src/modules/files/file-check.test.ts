import sharp from 'sharp';
import { checkPdf, processImage, sniffFormat } from './file-check';

describe('sniffFormat', () => {
  it('tells the allowed formats by their first bytes and nothing else', async () => {
    const image = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif') =>
      sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
        .toFormat(format)
        .toBuffer();
    for (const format of ['jpeg', 'png', 'webp', 'gif', 'avif'] as const) expect(sniffFormat(await image(format))).toBe(format);
    expect(sniffFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffFormat(Buffer.from('<html>%PDF-</html>'))).toBeNull();
    expect(sniffFormat(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe('processImage', () => {
  it('turns a photo upright by its EXIF orientation, never enlarges it, and writes no metadata', async () => {
    // 600×400 as stored, orientation 6 (rotate 90°): 400×600 upright.
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#884422' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'TestCam' } })
      .toBuffer();
    const { variants, width, height } = await processImage(photo, 1_000_000);
    expect([width, height]).toEqual([400, 600]);
    expect(variants.map((v) => [v.width, v.height])).toEqual([
      [320, 480],
      [400, 600],
    ]);
    for (const v of variants) {
      const meta = await sharp(v.body).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: v.width, height: v.height });
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(v.key).toMatch(/^images\/[0-9a-f]{64}\.webp$/);
    }
  });

  it('keeps transparency', async () => {
    const png = await sharp({ create: { width: 100, height: 50, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const { variants } = await processImage(png, 1_000_000);
    expect(variants).toHaveLength(1);
    expect((await sharp(variants[0].body).metadata()).hasAlpha).toBe(true);
  });

  it('refuses more pixels than allowed before decoding', async () => {
    const image = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await expect(processImage(image, 10_000)).rejects.toMatchObject({ extensions: { reason: 'IMAGE_TOO_MANY_PIXELS' } });
  });
});

describe('checkPdf', () => {
  it('wants %%EOF near the end', () => {
    expect(() => checkPdf(Buffer.from('%PDF-1.4\n...\n%%EOF\n'))).not.toThrow();
    expect(() => checkPdf(Buffer.from('%PDF-1.4\n...'))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ reason: 'FILE_DAMAGED' }) }),
    );
  });
});
