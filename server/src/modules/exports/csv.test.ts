import { csvChunks, csvField, csvRow, UTF8_BOM } from './csv';

describe('csv', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvRow(['x', 1, null, undefined, ''])).toBe('x,1,,,\r\n');
  });

  it('prefixes text that a spreadsheet would run as a formula with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField('+98 21 1234')).toBe("'+98 21 1234");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('keeps Persian text as it is, after a UTF-8 byte order mark', async () => {
    async function* rows() {
      yield ['پارک بیشتر، لطفاً', 'منطقه ۳'];
    }
    const chunks: Buffer[] = [];
    for await (const chunk of csvChunks(rows())) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`${UTF8_BOM}پارک بیشتر، لطفاً,منطقه ۳\r\n`);
  });

  it('yields bounded chunks rather than one string for the whole file', async () => {
    async function* rows() {
      for (let i = 0; i < 10_000; i++) yield [i, 'x'.repeat(50)];
    }
    const sizes: number[] = [];
    for await (const chunk of csvChunks(rows(), 16 * 1024)) sizes.push(chunk.length);
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.max(...sizes)).toBeLessThan(16 * 1024);
  });
});
