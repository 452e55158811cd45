import { createHmac, randomBytes } from 'node:crypto';
import { open, padToBucket, seal } from './sealing';

describe('sealing', () => {
  const key = randomBytes(32);

  it('opens what it sealed, for the same context', () => {
    const sealed = seal(key, 'پیشنهاد من', 'poll-1');
    expect(sealed[0]).toBe(1);
    expect(open(key, sealed, 'poll-1')?.toString('utf8')).toBe('پیشنهاد من');
  });

  it('refuses a sealed value with any byte changed', () => {
    const sealed = seal(key, 'secret answer', 'poll-1');
    for (let i = 1; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] ^= 0x01;
      expect(open(key, tampered, 'poll-1')).toBeNull();
    }
  });

  it('refuses another context, another key, a truncated value and another version', () => {
    const sealed = seal(key, 'secret answer', 'poll-1');
    expect(open(key, sealed, 'poll-2')).toBeNull();
    expect(open(randomBytes(32), sealed, 'poll-1')).toBeNull();
    expect(open(key, sealed.subarray(0, 20), 'poll-1')).toBeNull();
    expect(open(key, sealed, 'poll-1', { version: 2 })).toBeNull();
  });

  it('uses a fresh nonce each time', () => {
    expect(seal(key, 'same', 'poll-1').equals(seal(key, 'same', 'poll-1'))).toBe(false);
  });

  it('seals without a version byte when the layout has none', () => {
    const sealed = seal(key, 'x', 'poll-1', { version: null });
    expect(sealed.length).toBe(12 + 16 + 1);
    expect(open(key, sealed, 'poll-1', { version: null })?.toString()).toBe('x');
    expect(open(key, sealed, 'poll-1')).toBeNull();
  });

  it('pads to the bucket, so lengths within one bucket seal to the same size', () => {
    expect(padToBucket(Buffer.from('{}'), 256).length).toBe(256);
    expect(padToBucket(Buffer.alloc(256, 0x61), 256).length).toBe(256);
    expect(padToBucket(Buffer.alloc(257, 0x61), 256).length).toBe(512);
    expect(JSON.parse(padToBucket(Buffer.from('{"a":1}'), 256).toString())).toEqual({ a: 1 });
    expect(seal(key, padToBucket(Buffer.from('a'), 256), 'p').length).toBe(
      seal(key, padToBucket(Buffer.alloc(200, 0x61), 256), 'p').length,
    );
  });
});

describe('sealing, with the poll signing keys stored before it', () => {
  it('opens a key sealed by the hand-written code PollTokenKeys had (nonce | tag | ciphertext, no version byte)', () => {
    const key = createHmac('sha256', 'test-secret').update('poll-token-key-seal').digest();
    const stored = Buffer.from('d9b11ec37183e27098c36fdb17f1a5e89678846ee206ec69efad0a5ef7f247e06e1d67ab670bdaa3737ec3', 'hex');
    expect(open(key, stored, 'poll-1', { version: null })?.toString()).toBe('private key der');
    expect(open(key, stored, 'poll-2', { version: null })).toBeNull();
  });
});
